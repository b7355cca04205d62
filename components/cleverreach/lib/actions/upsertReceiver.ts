import { ConfigurationError, checkbox, describeAction, now, oihMessage, readDeleteRequested, readRecordUid, strictText, toIso } from '@oih-suite/kit';
import type { CleverReachClient } from '../client';
import { findGroupByName, groupField } from '../groups';
import { personToReceiver } from '../mappings/personToReceiver';
import { cleverreach } from '../provider';
import { getGroups } from '../selectModels';
import type { Receiver, ReceiverBody } from '../types';

type DeleteOutcome = 'confirmed' | 'denied' | 'failed';

/**
 * Creates or updates a receiver from an OIH Person: by `metadata.recordUid`, else by e-mail
 * within the group, else a new receiver. With `deletes` enabled a message whose
 * `data.deleteRequested` is `true` or a time deletes the receiver instead ("false", 0 and other
 * values are an error, never a delete).
 */
const action = describeAction(cleverreach, {
  id: 'upsertReceiver',
  title: 'Upsert receiver',
  description:
    "Updates the receiver metadata.recordUid, else the group's receiver with the person's e-mail, else creates one; deletes when data.deleteRequested is set and deletes are enabled",
  in: './lib/schemas/upsertReceiver.in.json',
  out: './lib/schemas/upsertReceiver.out.json',
  mapping: personToReceiver,
  fields: {
    groupId: groupField('The group to write to; when empty, the first category of the person that names a group is used'),
    deletes: checkbox({
      label: 'Allow deletes',
      note: 'Delete the receiver metadata.recordUid when the message\'s data.deleteRequested is true or a time ("false", 0 and other values are an error, never a delete); emits {delete: confirmed|denied|failed, timestamp}',
    }),
  },
  async run(step) {
    const { settings, log, input, transformer, emitter, applicationUid } = step;
    // Checked before anything else: an object must never become PUT …/receivers/[object Object].
    const recordUid = readRecordUid(input.metadata.recordUid);
    const oihUid = strictText(input.metadata.oihUid, 'metadata.oihUid', { trim: true });
    const withIds = (id: string) => (oihUid ? { recordUid: id, oihUid, applicationUid } : { recordUid: id, applicationUid });
    if (readDeleteRequested(input.data.deleteRequested)) {
      if (!settings.deletes) {
        throw new ConfigurationError(
          'deletes',
          `the message asks to delete receiver ${recordUid ?? '(no recordUid)'}, but deletes are not enabled on this step`,
        );
      }
      if (!recordUid) throw new ConfigurationError('metadata.recordUid', 'a delete needs the id of the CleverReach receiver');
      const outcome = await deleteReceiver(step.client, recordUid, settings.groupId);
      log.info('Delete finished', { recordUid, outcome });
      await emitter.data(oihMessage({ delete: outcome, timestamp: toIso(now()) }, withIds(recordUid)));
      return;
    }

    const mapped = await transformer.apply<ReceiverBody>({ metadata: input.metadata, data: input.data });
    const body = mapped.data;
    const email = body && typeof body === 'object' && typeof body.email === 'string' ? body.email.trim() : '';
    if (!email) {
      throw new ConfigurationError(
        'data.contactData',
        'the person has no e-mail address (contactData entry of type "email"); CleverReach needs one, nothing was sent',
      );
    }
    const client = step.client;
    const groupId = await resolveGroup(client, settings.groupId, input.data.categories);
    const receiver = await upsert(client, groupId, recordUid, { ...body, email });
    await emitter.data(oihMessage(receiver, withIds(String(receiver.id))));
  },
});

async function upsert(client: CleverReachClient, groupId: string, recordUid: string | undefined, body: ReceiverBody): Promise<Receiver> {
  if (recordUid) {
    const updated = await client.updateReceiver(groupId, recordUid, body);
    if (updated) return updated;
  }
  const existing = await client.receiver(body.email!, groupId);
  if (existing) {
    const updated = await client.updateReceiver(groupId, String(existing.id), body);
    if (updated) return updated;
  }
  return client.createReceiver(groupId, body);
}

/**
 * `groupId` of the step, else the first category that names a group: a string, an object's
 * `name` (the OIH convention: `{name: "Newsletter", label: "group"}`), or its `label` (other
 * adapters send `{uid, label}`; this component's older messages `{name: "group", label: "Newsletter"}`).
 */
async function resolveGroup(client: CleverReachClient, configured: string | undefined, categories: unknown): Promise<string> {
  if (configured) return configured;
  const labels = (Array.isArray(categories) ? categories : [])
    .map(categoryValue)
    .filter((label): label is string => typeof label === 'string' && label.trim() !== '');
  if (labels.length === 0) throw new ConfigurationError('groupId', 'not set, and the person has no categories that could name a group');
  const groups = await client.groups();
  for (const label of labels) {
    const group = findGroupByName(groups, label);
    if (group) return String(group.id);
  }
  throw new ConfigurationError(
    'groupId',
    `not set, and no category of the person (${labels.map((l) => `"${l}"`).join(', ')}) names a CleverReach group`,
  );
}

/** The kinds this component's older categories carried in `name`. */
const LEGACY_KINDS = ['tag', 'group', 'status'];

function categoryValue(category: unknown): unknown {
  if (typeof category === 'string') return category;
  if (!category || typeof category !== 'object') return undefined;
  const { name, label } = category as Record<string, unknown>;
  return typeof name === 'string' && !LEGACY_KINDS.includes(name) ? name : label;
}

async function deleteReceiver(client: CleverReachClient, recordUid: string, groupId: string | undefined): Promise<DeleteOutcome> {
  const { status, body } = await client.deleteReceiver(recordUid, groupId);
  if (status === 401 || status === 403) return 'denied';
  // CleverReach confirms with the literal body `true`.
  return status >= 200 && status < 300 && body === true ? 'confirmed' : 'failed';
}

export = { ...action, getGroups };
