import { ConfigurationError } from '../errors';
import { parseTimestamp, toIso } from '../util/timestamps';
import { RESET_MARK, checkedSnapshot, isResetMarked } from './snapshotCheck';

/** Above this many ids at one timestamp the snapshot keeps a count instead (stays a few KB). */
export const SEEN_ID_LIMIT = 100;

/**
 * The snapshot every polling trigger stores. Everything modified before `lastUpdated` has been
 * emitted, and so have the records at exactly `lastUpdated` that `seen` names (or the first
 * `seenCount` of them in the provider's order).
 */
export interface PollingSnapshot {
  lastUpdated: string;
  seen?: string[];
  seenCount?: number;
  /** An unordered scan in progress: its fixed upper bound and where to resume. */
  scan?: { until: string; after: unknown; untilIds?: string[]; skipped?: number };
  [extra: string]: unknown;
}

export interface CursorState {
  lastUpdated: number;
  seen: Set<string>;
  seenCount?: number;
  scan?: { until: number; after: unknown; untilIds: string[]; skipped?: number };
  extra: Record<string, unknown>;
}

/**
 * Reads a stored snapshot, migrating older shapes: a numeric `lastUpdated` (epoch ms or s, as
 * older adapters stored) becomes ISO. Without one, the trigger starts at `startTime`. A damaged
 * snapshot is a configuration error (see snapshotCheck). With `reset` (the step field
 * `resetSnapshot`) a snapshot not yet marked as reset is ignored, and the state is marked so the
 * snapshots of this run are: the field resets one run, later ones continue from there.
 */
export function readSnapshot(snapshot: unknown, startTime: number, reset = false): CursorState {
  const stored = reset && !isResetMarked(snapshot) ? {} : checkedSnapshot(snapshot);
  const { lastUpdated: rawLast, seen, seenCount, scan, [RESET_MARK]: _mark, ...extra } = stored;
  if (reset) extra[RESET_MARK] = true;
  const parsed = rawLast === undefined || rawLast === null ? undefined : parseTimestamp(rawLast);
  const state: CursorState = { lastUpdated: parsed ?? startTime, seen: new Set(), extra };
  // A snapshot older than startTime is kept: the snapshot is the truth once a run has happened.
  if (parsed !== undefined && Array.isArray(seen)) for (const id of seen) state.seen.add(String(id));
  if (parsed !== undefined && typeof seenCount === 'number') state.seenCount = seenCount;
  if (parsed !== undefined && scan && typeof scan === 'object') {
    const sc = scan as Record<string, unknown>;
    const until = parseTimestamp(sc.until);
    if (until !== undefined) {
      const untilIds = Array.isArray(sc.untilIds) ? sc.untilIds.map(String) : [];
      state.scan = { until, after: sc.after, untilIds, ...(typeof sc.skipped === 'number' ? { skipped: sc.skipped } : {}) };
    }
  }
  return state;
}

export function boundary(lastUpdated: number, ids: Iterable<string>, count: number, extra: Record<string, unknown>): PollingSnapshot {
  const list = [...ids];
  const snapshot: PollingSnapshot = { ...extra, lastUpdated: toIso(lastUpdated) };
  if (count > SEEN_ID_LIMIT) snapshot.seenCount = count;
  else if (list.length) snapshot.seen = list;
  return snapshot;
}

/** Reads an optional ISO time field of the configuration, naming the field when it is not a time. */
export function readTimeField(cfg: Record<string, unknown>, field: string): number | undefined {
  const value = cfg[field];
  if (value === undefined || value === null || value === '') return undefined;
  const ms = parseTimestamp(value);
  if (ms === undefined) throw new ConfigurationError(field, `"${String(value)}" is not a date or time; use ISO 8601, e.g. 2024-01-31T00:00:00Z`);
  return ms;
}
