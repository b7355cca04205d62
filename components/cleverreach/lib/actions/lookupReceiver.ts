import { ConfigurationError, ProviderError, defineAction, oihMessage, readBoolean, readRecordUid, readString, strictText } from '@oih-suite/kit';
import { CleverReachClient, createClient } from '../client';
import { receiverToPerson } from '../mappings/receiverToPerson';
import { getGroups } from '../selectModels';
import { isActive } from '../timestamps';
import { APPLICATION_UID } from '../triggers/common';
import type { Receiver, ReceiverWithGroups } from '../types';

/**
 * Finds one receiver by id or e-mail (optionally within `groupId`) and emits it as an OIH
 * Person. Not found is an error unless `allowZeroResults` is set; then `{}` is emitted.
 */
const action = defineAction({
  name: 'lookupReceiver',
  outputMapping: receiverToPerson,
  run: async ({ cfg, log, redactor, input, emitter, output }) => {
    const key =
      readRecordUid(input.data.id, 'data.id') ??
      strictText(input.data.email, 'data.email', { trim: true }) ??
      readRecordUid(input.metadata.recordUid);
    if (!key) throw new ConfigurationError('data.email', 'give the receiver id (data.id) or e-mail address (data.email) to look up');
    const groupId = readString(cfg, 'groupId');
    const client = createClient(cfg, log, redactor);
    const receiver = await client.receiver(key, groupId);
    if (!receiver) {
      if (readBoolean(cfg, 'allowZeroResults', false)) {
        await emitter.data(oihMessage({}, { applicationUid: APPLICATION_UID }));
        return;
      }
      throw new ProviderError(`CleverReach has no receiver "${key}"${groupId ? ` in group ${groupId}` : ''}`, { status: 404, recordId: key });
    }
    const raw = await withGroupName(client, receiver);
    const recordUid = String(receiver.id);
    await emitter.data(await output.apply(oihMessage(raw, { recordUid, applicationUid: APPLICATION_UID })));
  },
});

/** Adds the receiver's group (id and name) so the Person lists it like the triggers do. */
async function withGroupName(client: CleverReachClient, receiver: Receiver): Promise<Receiver | ReceiverWithGroups> {
  if (receiver.group_id === undefined || receiver.group_id === null || receiver.group_id === '') return receiver;
  const group = (await client.groups()).find((g) => String(g.id) === String(receiver.group_id));
  if (!group) return receiver;
  return { ...receiver, groups: [{ id: String(group.id), name: String(group.name), active: isActive(receiver) }] };
}

export = { ...action, getGroups };
