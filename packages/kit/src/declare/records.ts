import { OihMessage, oihMessage, tombstone } from '../messages/message';
import type { Page } from '../paging/paginate';
import type { Transformer } from '../transform/transformer';
import { now } from '../util/timing';
import { toIso } from '../util/timestamps';
import { checkedRecordId } from '../polling/recordId';

async function* oneListPage<Raw>(records: Raw[]): AsyncGenerator<Page<Raw>> {
  yield { records, last: true };
}

/** How to turn one provider record into a message. */
export interface RecordMeta {
  /** The record's id at the provider (`metadata.recordUid`); a missing or broken one is an error naming `idField`. */
  id: string | number;
  /** The field the id comes from, for that error (default "id"). */
  idField?: string;
  /** A deletion: emitted as a tombstone. */
  deleted?: boolean;
  /** When it changed (epoch ms); a tombstone's `deletedAt`, the current time when unknown. */
  changedAt?: number;
  /** The OIH id of the message the action answers (an upsert's result): it travels on, the source's recordUid does not. */
  oihUid?: string;
}

/** How to read a whole stream of records. */
export interface RecordsMeta<Raw> {
  /** The record's id (text or number); a missing or broken one is an error naming `idField`. */
  id: (raw: Raw) => unknown;
  idField?: string;
  isDeleted?: (raw: Raw) => boolean;
  changedAt?: (raw: Raw) => number | undefined;
  /** Records that changed before this time (epoch ms) are left out. */
  since?: number;
}

/** The message of one record: a tombstone for a deletion, else the mapped record. */
export async function recordMessage(raw: unknown, meta: RecordMeta, applicationUid: string, transformer: Transformer): Promise<OihMessage> {
  // Never a recordUid "undefined": an answer without its id is the provider's failure, named.
  const recordUid = checkedRecordId(meta.id, { page: 1, index: 0, idField: meta.idField ?? 'id' });
  if (meta.deleted) return tombstone(recordUid, applicationUid, toIso(meta.changedAt ?? now()));
  const ids = meta.oihUid === undefined ? { recordUid, applicationUid } : { oihUid: meta.oihUid, recordUid, applicationUid };
  return transformer.apply(oihMessage(raw, ids));
}

/** Emits every record of pages or a list, one message each; returns how many were emitted. */
export async function emitAll<Raw>(
  source: AsyncIterable<Page<Raw>> | Iterable<Raw>,
  meta: RecordsMeta<Raw>,
  emitOne: (raw: Raw, meta: RecordMeta) => Promise<void>,
): Promise<number> {
  let count = 0;
  let pageNumber = 0;
  const each = async (raw: Raw, index: number) => {
    const changedAt = meta.changedAt?.(raw);
    if (meta.since !== undefined && changedAt !== undefined && changedAt < meta.since) return;
    const id = checkedRecordId(meta.id(raw), { page: pageNumber, index, idField: meta.idField ?? 'id' });
    await emitOne(raw, { id, deleted: meta.isDeleted?.(raw) === true, changedAt });
    count += 1;
  };
  const pages: AsyncIterable<Page<Raw>> = Symbol.asyncIterator in source ? source : oneListPage([...source]);
  for await (const page of pages) {
    pageNumber += 1;
    for (const [index, raw] of page.records.entries()) await each(raw, index);
  }
  return count;
}
