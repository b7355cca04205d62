import { text } from '@oih-suite/kit';
import { groupField, resolveConfiguredGroup } from '../groups';
import { receiverStream } from '../receiverStream';

/** Receivers of one group (`groupId`, or `groupName` matched case-insensitively). */
export = receiverStream({
  id: 'getReceiversByGroupIdPolling',
  title: 'Get receivers of one group (polling)',
  description: 'Emits the receivers of one group that were added, changed, unsubscribed or deactivated since the last run',
  fields: {
    groupId: groupField('The group to read; or leave empty and set groupName'),
    groupName: text({
      label: 'Group name',
      placeholder: 'Newsletter',
      note: 'Used when groupId is empty; matched case-insensitively; an unknown name is an error',
    }),
  },
  groups: async (client, settings) => [await resolveConfiguredGroup(client, settings)],
});
