import { FieldSet, Settings, describeStream } from '@oih-suite/kit';
import { CleverReachClient, MAX_PAGE_SIZE } from './client';
import { receiverToPerson } from './mappings/receiverToPerson';
import { cleverreach } from './provider';
import { receiverPages } from './receiverSource';
import { getGroups } from './selectModels';
import { receiverChangedAt } from './timestamps';
import type { Group, ReceiverWithGroups } from './types';

/**
 * A receiver trigger: the groups it reads, read by the two-pass scan (`receiverSource.ts`).
 * CleverReach has no "modified since" on group lists, so it is a 'scan' stream: the engine keeps
 * the records in its window and the snapshot keeps the scan's resume position.
 */
export function receiverStream<F extends FieldSet>(d: {
  id: string;
  title: string;
  description: string;
  fields: F;
  /** The run's groups, read once before the scan (an unknown configured group is an error). */
  groups: (client: CleverReachClient, settings: Settings<F>) => Promise<Group[]>;
}) {
  const stream = describeStream(cleverreach, {
    id: d.id,
    title: d.title,
    description: d.description,
    out: './lib/schemas/receiverPerson.out.json',
    changes: 'scan',
    // The API maximum: the two-pass scan costs two requests per page of every group.
    pageSize: { fallback: MAX_PAGE_SIZE, max: MAX_PAGE_SIZE },
    standardWording: { pageSize: { note: `Receivers per request, 1 to ${MAX_PAGE_SIZE} (default ${MAX_PAGE_SIZE}, the API maximum)` } },
    // CleverReach stamps are whole seconds: the engine must not read the second still in progress.
    granularityMs: 1000,
    mapping: receiverToPerson,
    fields: d.fields,
    read: async ({ client, settings }) => {
      const groups = await d.groups(client, settings);
      return {
        pages: (window) => receiverPages(client, groups, window),
        cursor: (receiver: ReceiverWithGroups) => receiverChangedAt(receiver),
        id: (receiver: ReceiverWithGroups) => receiver.id,
      };
    },
  });
  return { ...stream, getGroups };
}
