import { ConfigurationError } from '../errors';
import { parseTimestamp } from '../util/timestamps';
import { isAbsent, quote } from './values';

/** ISO 8601: a date, or a date and time (seconds and fraction optional) with an optional zone. */
const ISO_8601 = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const EPOCH = /^\d+$/;
/** The largest time a JavaScript Date holds: beyond it `toISOString()` throws. */
const MAX_TIME_MS = 8.64e15;

/**
 * A point in time: ISO 8601 text, or unix seconds / milliseconds as a whole non-negative number
 * (the kit's rule: below 1e11 seconds, else milliseconds). Free-form dates ("Tue, 1 Jan"), negative
 * or fractional epochs and times a Date cannot hold are errors. Epoch milliseconds, undefined when absent.
 */
export function strictTime(value: unknown, field: string): number | undefined {
  if (isAbsent(value)) return undefined;
  const ms = parseStrictTime(value);
  if (ms === undefined)
    throw new ConfigurationError(field, `must be a time (ISO 8601 such as 2024-01-31T00:00:00Z, or epoch milliseconds), got ${quote(value)}`);
  return ms;
}

function parseStrictTime(value: unknown): number | undefined {
  let ms: number | undefined;
  if (typeof value === 'number') ms = Number.isSafeInteger(value) && value >= 0 ? parseTimestamp(value) : undefined;
  else if (typeof value === 'string') {
    const text = value.trim();
    if (EPOCH.test(text)) ms = Number.isSafeInteger(Number(text)) ? parseTimestamp(text) : undefined;
    else if (ISO_8601.test(text)) ms = parseTimestamp(text);
  }
  return ms !== undefined && Math.abs(ms) <= MAX_TIME_MS ? ms : undefined;
}
