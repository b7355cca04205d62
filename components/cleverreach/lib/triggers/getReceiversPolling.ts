import { sortGroups } from '../groups';
import { receiverStream } from '../receiverStream';

/** Receivers of all groups: new ones, updates, unsubscribes and deactivations; one message per change. */
export = receiverStream({
  id: 'getReceiversPolling',
  title: 'Get receivers (polling)',
  description:
    'Emits every receiver of every group that was added, changed, unsubscribed or deactivated since the last run, once per change with all its groups',
  fields: {},
  groups: async (client) => sortGroups(await client.groups()),
});
