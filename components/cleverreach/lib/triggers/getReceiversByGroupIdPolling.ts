import { definePollingTrigger } from '@oih-suite/kit';
import { createClient } from '../client';
import { resolveConfiguredGroup } from '../groups';
import { getGroups } from '../selectModels';
import { receiverSource } from '../receiverSource';
import { receiverTriggerBase } from './common';

/** Receivers of one group (`groupId`, or `groupName` matched case-insensitively). */
const trigger = definePollingTrigger({
  ...receiverTriggerBase,
  name: 'getReceiversByGroupIdPolling',
  source: async ({ cfg, log, redactor }) => {
    const client = createClient(cfg, log, redactor);
    return receiverSource(client, [await resolveConfiguredGroup(client, cfg)]);
  },
});

export = { ...trigger, getGroups };
