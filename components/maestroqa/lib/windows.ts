import { ConfigurationError, DAY_MS } from '@oih-suite/kit';

/** The coaching export accepts at most this many days between startDate and endDate. */
export const MAX_WINDOW_DAYS = 90;

export interface DayWindow {
  /** Inclusive, YYYY-MM-DD. */
  startDate: string;
  /** Inclusive, YYYY-MM-DD. */
  endDate: string;
}

/** The UTC calendar day of an epoch-ms time, as YYYY-MM-DD. */
export function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Epoch ms of 00:00 UTC of a YYYY-MM-DD day that really exists (2023-02-30 does not). */
export function parseDay(text: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  const ms = Date.parse(`${text}T00:00:00Z`);
  return Number.isNaN(ms) || dayOf(ms) !== text ? undefined : ms;
}

/**
 * Splits the inclusive day range into consecutive windows of at most `maxDays` days each
 * (both ends inclusive), so no day is read twice and none is left out. Works on UTC days, so month
 * lengths and leap days need no special cases.
 */
export function splitDays(startDate: string, endDate: string, maxDays = MAX_WINDOW_DAYS): DayWindow[] {
  const start = parseDay(startDate);
  const end = parseDay(endDate);
  if (start === undefined) throw new ConfigurationError('startDate', `"${startDate}" is not a date; use YYYY-MM-DD`);
  if (end === undefined) throw new ConfigurationError('endDate', `"${endDate}" is not a date; use YYYY-MM-DD`);
  if (end < start) throw new ConfigurationError('endDate', `${endDate} is before startDate ${startDate}`);
  const windows: DayWindow[] = [];
  for (let from = start; from <= end; from += maxDays * DAY_MS) {
    windows.push({ startDate: dayOf(from), endDate: dayOf(Math.min(end, from + (maxDays - 1) * DAY_MS)) });
  }
  return windows;
}
