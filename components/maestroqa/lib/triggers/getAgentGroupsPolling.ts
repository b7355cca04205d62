import { definePollingTrigger } from '@oih-suite/kit';
import { APPLICATION_UID, MaestroConfig, createClient } from '../client';
import { CsvRow, exportPages } from '../csvPages';
import { agentToPerson } from '../mappings/agent';

/**
 * Agents and their groups from the groups export. The export has no modification times, so every
 * poll is a full read (one message per agent-in-group row); a restart continues the same export.
 */
export = definePollingTrigger<MaestroConfig, CsvRow>({
  name: 'getAgentGroupsPolling',
  applicationUid: APPLICATION_UID,
  pageSize: { fallback: 1000, max: 10_000 },
  cursor: () => undefined,
  id: (row) => `${row.group_id ?? ''}|${row.agent_email || row.agent_ids || row.agent_name || ''}`,
  mapping: agentToPerson,
  source: ({ cfg, log }) => {
    const client = createClient(cfg, log);
    return {
      order: 'unordered',
      changeTimes: false,
      pages: (window) =>
        exportPages({
          client,
          what: 'groups',
          log,
          pageSize: window.pageSize,
          resumeFrom: window.resumeFrom,
          start: () => client.requestGroupsExport(),
        }),
    };
  },
});
