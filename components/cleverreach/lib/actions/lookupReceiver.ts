import { ConfigurationError, ProviderError, checkbox, describeAction, oihMessage, readRecordUid, strictText } from '@oih-suite/kit';
import type { CleverReachClient } from '../client';
import { groupField } from '../groups';
import { receiverToPerson } from '../mappings/receiverToPerson';
import { cleverreach } from '../provider';
import { getGroups } from '../selectModels';
import { isActive } from '../timestamps';
import type { Receiver, ReceiverWithGroups } from '../types';

/**
 * Finds one receiver by id or e-mail (optionally within `groupId`) and emits it as an OIH
 * Person. Not found is an error unless `allowZeroResults` is set; then `{}` is emitted.
 */
const action = describeAction(cleverreach, {
  id: 'lookupReceiver',
  title: 'Look up receiver',
  description: 'Finds one receiver by id or e-mail address and emits it as an OIH Person',
  in: './lib/schemas/lookupReceiver.in.json',
  out: './lib/schemas/lookupReceiver.out.json',
  outputMapping: receiverToPerson,
  fields: {
    groupId: groupField('Optional: look in this group only'),
    allowZeroResults: checkbox({ label: 'Allow zero results', note: 'Emit {} instead of failing when no receiver matches' }),
  },
  async run(step) {
    const { input, settings, emitter, applicationUid, emitRecord } = step;
    const key =
      readRecordUid(input.data.id, 'data.id') ??
      strictText(input.data.email, 'data.email', { trim: true }) ??
      readRecordUid(input.metadata.recordUid);
    if (!key) throw new ConfigurationError('data.email', 'give the receiver id (data.id) or e-mail address (data.email) to look up');
    const groupId = settings.groupId;
    // The client (and the login) only now, after the input was checked.
    const client = step.client;
    const receiver = await client.receiver(key, groupId);
    if (!receiver) {
      if (settings.allowZeroResults) {
        await emitter.data(oihMessage({}, { applicationUid }));
        return;
      }
      throw new ProviderError(`CleverReach has no receiver "${key}"${groupId ? ` in group ${groupId}` : ''}`, { status: 404, recordId: key });
    }
    await emitRecord(await withGroupName(client, receiver), { id: String(receiver.id) });
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
