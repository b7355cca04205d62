import { ConfigurationError } from '../errors';
import { strictTime } from './time';
import { isAbsent, quote } from './values';

/**
 * A record id as an upsert or lookup uses it in a URL: a string or a safe integer, nothing else.
 * An object, array, boolean, fraction or the texts "undefined"/"null" are errors naming the
 * field, so no request ever goes to `…/receivers/[object Object]`. Undefined when absent.
 */
export function readRecordUid(value: unknown, field = 'metadata.recordUid'): string | undefined {
  if (isAbsent(value)) return undefined;
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value)) return String(value);
  } else if (typeof value === 'string') {
    const text = value.trim();
    if (text === '') return undefined;
    if (text !== 'undefined' && text !== 'null' && text !== '[object Object]') return text;
  }
  throw new ConfigurationError(field, `must be a record id (text or a whole number), got ${quote(value)}`);
}

/**
 * Whether an OIH message asks for a delete: `deleteRequested` is `true` or the time of the
 * deletion. Absent (undefined, null, '') or `false` means no delete; anything else ("false", 0, "no", an object) is
 * an error, never a delete.
 */
export function readDeleteRequested(value: unknown, field = 'data.deleteRequested'): boolean {
  if (isAbsent(value) || value === false) return false;
  if (value === true) return true;
  const problem = `must be true or the time of the deletion (ISO 8601), got ${quote(value)}; leave it out (or false) to not delete`;
  if (value === 0 || value === '0') throw new ConfigurationError(field, problem);
  try {
    if (strictTime(value, field) !== undefined) return true;
  } catch {
    // falls through to the error that explains both forms
  }
  throw new ConfigurationError(field, problem);
}
