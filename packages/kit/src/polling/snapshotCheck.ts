import { ConfigurationError } from '../errors';
import { now } from '../util/timing';
import { DAY_MS, parseTimestamp, toIso } from '../util/timestamps';

/**
 * How far ahead of this machine's clock a stored time may be. Every time the engine stores is at
 * most the clock of the run that wrote it, so anything ahead is clock skew between hosts (seconds
 * to minutes; a day covers a host with a wrong time zone too). A run from such a snapshot reads
 * nothing and says so; further ahead the snapshot is damaged and the run stops with an error.
 */
export const SNAPSHOT_FUTURE_TOLERANCE_MS = DAY_MS;

/** Marks the snapshots written after a `resetSnapshot`, so the field resets one run, not every run. */
export const RESET_MARK = 'snapshotReset';

/** True for a snapshot written by a run with `resetSnapshot` on. */
export function isResetMarked(snapshot: unknown): boolean {
  return !!snapshot && typeof snapshot === 'object' && (snapshot as Record<string, unknown>)[RESET_MARK] === true;
}

const HOW_TO_START_OVER =
  'To start over from startTime, run the step once with the field "resetSnapshot": true (with the local CLI: delete the --state file)';

/**
 * The stored snapshot as an object, checked before anything is read from the provider: a
 * damaged time must neither re-sync everything from 1970 nor stall the trigger. A missing or
 * null snapshot or `lastUpdated` is a first run.
 */
export function checkedSnapshot(snapshot: unknown): Record<string, unknown> {
  if (snapshot === undefined || snapshot === null) return {};
  if (typeof snapshot !== 'object' || Array.isArray(snapshot)) throw damaged('snapshot', snapshot, 'is not an object');
  const s = snapshot as Record<string, unknown>;
  if (s.lastUpdated !== undefined && s.lastUpdated !== null) checkedTime('snapshot.lastUpdated', s.lastUpdated);
  if (s.seen !== undefined && !(Array.isArray(s.seen) && s.seen.every(isIdText))) throw damaged('snapshot.seen', s.seen, 'is not a list of ids');
  if (s.seenCount !== undefined && !isCount(s.seenCount)) throw damaged('snapshot.seenCount', s.seenCount, 'is not a count');
  if (s.scan !== undefined && s.scan !== null) checkScan(s.scan);
  return s;
}

/** A stored time in epoch ms, or a configuration error naming the field and the value. */
export function checkedTime(field: string, value: unknown): number {
  const latest = now() + SNAPSHOT_FUTURE_TOLERANCE_MS;
  const ms = parseTimestamp(value);
  if (ms === undefined || !(ms >= 0 && ms <= latest))
    throw damaged(field, value, `is not a time between ${toIso(0)} and ${toIso(latest)} (this machine's clock plus one day)`);
  return ms;
}

function checkScan(scan: unknown): void {
  if (typeof scan !== 'object' || Array.isArray(scan)) throw damaged('snapshot.scan', scan, 'is not an object');
  const sc = scan as Record<string, unknown>;
  checkedTime('snapshot.scan.until', sc.until);
  if (sc.untilIds !== undefined && !(Array.isArray(sc.untilIds) && sc.untilIds.every(isIdText)))
    throw damaged('snapshot.scan.untilIds', sc.untilIds, 'is not a list of ids');
  if (sc.skipped !== undefined && !isCount(sc.skipped)) throw damaged('snapshot.scan.skipped', sc.skipped, 'is not a count');
}

function damaged(field: string, value: unknown, problem: string): ConfigurationError {
  return new ConfigurationError(field, `the stored snapshot is damaged: ${describe(value)} ${problem}. ${HOW_TO_START_OVER}.`);
}

function describe(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

const isIdText = (id: unknown): boolean => typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id));
const isCount = (n: unknown): boolean => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
