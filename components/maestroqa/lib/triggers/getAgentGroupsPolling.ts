import { describeStream, exportJobPages, usableId } from '@oih-suite/kit';
import { CsvRow, maestroExport } from '../exportJobs';
import { agentToPerson } from '../mappings/agent';
import { maestroqa } from '../provider';

/**
 * Agents and their groups from the groups export. The export has no modification times, so every
 * poll reads it whole and the kit emits only rows it has not seen with this content (new agents,
 * moved or renamed ones); a restart continues the same export.
 */
export = describeStream(maestroqa, {
  id: 'getAgentGroupsPolling',
  title: 'Agents and groups (polling)',
  description:
    'Reads the groups export and emits every agent-in-group row that is new or changed since the last poll as an OIH Person (the first poll emits all).',
  out: './lib/schemas/person.out.json',
  changes: 'fingerprint',
  pageSize: { fallback: 1000, max: 10_000 },
  mapping: agentToPerson,
  fields: {},
  read: ({ client, log }) => ({
    pages: (window) =>
      exportJobPages(
        maestroExport(client, 'groups', () => client.requestGroupsExport()),
        { resumeFrom: window.resumeFrom, pageSize: window.pageSize, log },
      ),
    id: agentRowId,
    idField: 'group_id|agent_email',
  }),
});

/**
 * The row's id: its group and its agent (e-mail, else ids, else name). A broken part is returned
 * as it is, so the kit refuses the row: joined, "|a@b.c" would pass and merge every such row.
 */
function agentRowId(row: CsvRow): string | undefined {
  if (usableId(row.group_id) === undefined) return row.group_id;
  const agent = [row.agent_email, row.agent_ids, row.agent_name].find((part) => usableId(part) !== undefined);
  return agent === undefined ? row.agent_email : `${row.group_id}|${agent}`;
}
