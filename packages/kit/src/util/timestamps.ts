/** Unix times below this are seconds, above it milliseconds (1e11 s is the year 5138; 1e11 ms is 1973). */
const SECONDS_MS_THRESHOLD = 1e11;

/**
 * Reads a provider or snapshot timestamp: ISO 8601 (with or without time and zone; a date alone
 * means 00:00 UTC; a time without zone is UTC), unix seconds or unix milliseconds.
 * Returns epoch milliseconds, or undefined for empty, zero-like "never" values and garbage.
 */
export function parseTimestamp(value: unknown): number | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime();
  if (typeof value === 'number') return fromEpoch(value);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (/^-?\d+(\.\d+)?$/.test(text)) return fromEpoch(Number(text));
  const isoLocal = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/.test(text);
  const normalised = isoLocal ? (text.length === 10 ? `${text}T00:00:00Z` : `${text.replace(' ', 'T')}Z`) : text;
  const ms = Date.parse(normalised);
  return Number.isNaN(ms) ? undefined : ms;
}

function fromEpoch(n: number): number | undefined {
  if (!Number.isFinite(n)) return undefined;
  return Math.abs(n) < SECONDS_MS_THRESHOLD ? Math.round(n * 1000) : Math.round(n);
}

export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Unix seconds from epoch milliseconds (CleverReach and friends). */
export function toUnixSeconds(ms: number): number {
  return Math.floor(ms / 1000);
}

export const DAY_MS = 86_400_000;
