import { ProviderError } from '../errors';

/** Where a record sits in a run, for errors: its page (from 1) and index on that page (from 0). */
export interface RecordPlace {
  page: number;
  index: number;
  /** The field (or fields) the id is read from, as the trigger declares it. */
  idField: string;
}

/**
 * The record's id as `metadata.recordUid`, or an error naming the id field and the record's place.
 * A missing, empty or structured id, or the text "undefined"/"null"/"[object …]" that a careless
 * `String(record.id)` produces, would make every such record one and the same record downstream
 * and in the snapshot's boundary set.
 */
export function checkedRecordId(value: unknown, place: RecordPlace): string {
  const id = usableId(value);
  if (id !== undefined) return id;
  throw new ProviderError(
    `A record without a usable id: its "${place.idField}" is ${describe(value)} (page ${place.page}, record index ${place.index}); nothing from this page was emitted`,
    { field: place.idField },
  );
}

const BROKEN_TEXT = /^(undefined|null|NaN|\[object \w+\])$/;

/**
 * The id as text, or undefined when it is not usable (missing, empty, structured, not finite, or
 * the text "undefined"/"null"/"NaN"/"[object …]"). For ids built from parts (a CSV row's key
 * columns): check each part, so a broken part is not hidden inside a joined id.
 */
export function usableId(value: unknown): string | undefined {
  const id = typeof value === 'number' && Number.isFinite(value) ? String(value) : typeof value === 'string' ? value.trim() : undefined;
  return id !== undefined && id !== '' && !BROKEN_TEXT.test(id) ? id : undefined;
}

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (typeof value === 'string') return value.trim() === '' ? 'empty' : `the text "${value}"`;
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

/**
 * Reads an id from the first present of several candidate fields, for APIs that do not document
 * which one they use. "Present" means not undefined, null or empty; the value is checked later.
 */
export function firstPresent(record: Record<string, unknown>, candidates: readonly string[]): unknown {
  for (const field of candidates) {
    const value = record[field];
    if (value !== undefined && value !== null && value !== '') return value;
  }
  return undefined;
}
