import { OihMessage, oihMessage, tombstone } from '../messages/message';
import type { Page } from '../paging/paginate';
import type { Transformer } from '../transform/transformer';
import { now } from '../util/timing';
import { toIso } from '../util/timestamps';

/** How to turn one provider record into a message. */
export interface RecordMeta {
  /** The record's id at the provider (`metadata.recordUid`). */
  id: string;
  /** A deletion: emitted as a tombstone. */
  deleted?: boolean;
  /** When it changed (epoch ms); a tombstone's `deletedAt`, the current time when unknown. */
  changedAt?: number;
}

/** How to read a whole stream of records. */
export interface RecordsMeta<Raw> {
  id(raw: Raw): string;
  isDeleted?(raw: Raw): boolean;
  changedAt?(raw: Raw): number | undefined;
  /** Records that changed before this time (epoch ms) are left out. */
  since?: number;
}

/** The message of one record: a tombstone for a deletion, else the mapped record. */
export async function recordMessage(raw: unknown, meta: RecordMeta, applicationUid: string, transformer: Transformer): Promise<OihMessage> {
  if (meta.deleted) return tombstone(meta.id, applicationUid, toIso(meta.changedAt ?? now()));
  return transformer.apply(oihMessage(raw, { recordUid: meta.id, applicationUid }));
}

/** Emits every record of pages or a list, one message each; returns how many were emitted. */
export async function emitAll<Raw>(
  source: AsyncIterable<Page<Raw>> | Iterable<Raw>,
  meta: RecordsMeta<Raw>,
  emitOne: (raw: Raw, meta: RecordMeta) => Promise<void>,
): Promise<number> {
  let count = 0;
  const each = async (raw: Raw) => {
    const changedAt = meta.changedAt?.(raw);
    if (meta.since !== undefined && changedAt !== undefined && changedAt < meta.since) return;
    await emitOne(raw, { id: meta.id(raw), deleted: meta.isDeleted?.(raw) === true, changedAt });
    count += 1;
  };
  if (Symbol.asyncIterator in source) {
    for await (const page of source) for (const raw of page.records) await each(raw);
  } else {
    for (const raw of source) await each(raw);
  }
  return count;
}
