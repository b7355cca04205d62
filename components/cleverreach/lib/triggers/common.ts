import type { PollingTriggerSpec } from '@oih-suite/kit';
import { MAX_PAGE_SIZE } from '../client';
import { receiverToPerson } from '../mappings/receiverToPerson';
import { receiverChangedAt } from '../timestamps';
import type { ReceiverWithGroups } from '../types';

export const APPLICATION_UID = 'cleverreach';

/** What both receiver triggers share: id, cursor (unix seconds → ms), mapping, page sizes. */
export const receiverTriggerBase: Omit<PollingTriggerSpec<Record<string, unknown>, ReceiverWithGroups>, 'name' | 'source'> = {
  applicationUid: APPLICATION_UID,
  // The API maximum: the two-pass scan costs two requests per page of every group.
  pageSize: { fallback: MAX_PAGE_SIZE, max: MAX_PAGE_SIZE },
  cursor: receiverChangedAt,
  id: (receiver) => String(receiver.id),
  mapping: receiverToPerson,
  // CleverReach stamps are whole seconds: the engine must not read the second still in progress.
  granularityMs: 1000,
};
