import { definePollingTrigger } from '@oih-suite/kit';
import { createClient } from '../client';
import { sortGroups } from '../groups';
import { getGroups } from '../selectModels';
import { receiverSource } from '../receiverSource';
import { receiverTriggerBase } from './common';

/** Receivers of all groups: new ones, updates, unsubscribes and deactivations; one message per change. */
const trigger = definePollingTrigger({
  ...receiverTriggerBase,
  name: 'getReceiversPolling',
  source: async ({ cfg, log, redactor }) => {
    const client = createClient(cfg, log, redactor);
    return receiverSource(client, sortGroups(await client.groups()));
  },
});

export = { ...trigger, getGroups };
