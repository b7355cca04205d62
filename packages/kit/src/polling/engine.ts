import { ConnectorError } from '../errors';
import type { OihMessage } from '../messages/message';
import { tombstone } from '../messages/message';
import type { Page } from '../paging/paginate';
import type { Log } from '../util/logger';
import { metrics } from '../util/metrics';
import { toIso } from '../util/timestamps';
import { CursorState, PollingSnapshot, SEEN_ID_LIMIT, boundary, readSnapshot } from './snapshot';
import { checkedRecordId } from './recordId';
import { restartablePages } from './restart';
import { isResetMarked } from './snapshotCheck';
import { upperBound } from './upperBound';

/** The time window one run reads: inclusive lower bound, fixed upper bound. */
export interface PollWindow {
  since: number;
  until: number;
  pageSize: number;
  /** Unordered sources: where the interrupted scan stopped. */
  resumeFrom?: unknown;
  /** What the source kept in the last snapshot beside the cursor (see `PollingSource.keep`). */
  stored: Record<string, unknown>;
  /** The run stops after the first page that emits something (`singlePagePerInterval`): reading ahead would waste a request. */
  singlePage?: boolean;
}

export interface PollingSource<Raw> {
  /**
   * 'ascending': the provider filters by `since` (inclusive) and returns records oldest first, so
   * the cursor moves after every page. 'unordered': the source scans everything and the engine
   * filters; the snapshot remembers the scan position so a restart resumes it.
   */
  order: 'ascending' | 'unordered';
  pages(window: PollWindow): AsyncIterable<Page<Raw>>;
  /**
   * State of the source's own to keep in every snapshot beside the cursor (e.g. content hashes of
   * a list without times); the next run finds it in `window.stored`. `scanning` is true for the
   * snapshots of an interrupted unordered scan, which the next run resumes.
   */
  keep?(moment: { scanning: boolean }): Record<string, unknown>;
  /**
   * false: the records carry no change time (every run reads everything and compares, e.g. by
   * content hash), so the safety lag would only hold back nothing; it is not applied.
   */
  changeTimes?: false;
}

export interface PollingSettings {
  startTime: number;
  endTime?: number;
  pageSize: number;
  singlePagePerInterval: boolean;
  /** Step field `resetSnapshot`: ignore a stored snapshot not yet marked as reset (see readSnapshot). */
  resetSnapshot?: boolean;
  /** The safety lag (`safetyLagSeconds`): the upper bound stays this far behind now; 0 or absent: up to now. */
  safetyLagMs?: number;
}

export interface PollingRun<Raw> {
  source: PollingSource<Raw>;
  settings: PollingSettings;
  snapshot: unknown;
  /** The record's modification time in epoch ms. */
  cursor(raw: Raw): number | undefined;
  /** The record's id: a non-empty text or a finite number, else the run stops (see recordId.ts). */
  id(raw: Raw): unknown;
  /** Names the field(s) `id` reads, for the error about a record without a usable id. */
  idField?: string;
  isDeleted?(raw: Raw): boolean;
  applicationUid: string;
  /** Turns a raw record into the message to emit (mapping included); `id` is the checked id. */
  toMessage(raw: Raw, id: string): OihMessage | Promise<OihMessage>;
  emitData(message: OihMessage): Promise<void>;
  emitSnapshot(snapshot: PollingSnapshot): Promise<void>;
  /** Resolution of the provider's timestamps (1000 for unix seconds). */
  granularityMs?: number;
  log: Log;
}

export interface PollingResult {
  emitted: number;
  tombstones: number;
  skipped: number;
  pages: number;
  complete: boolean;
  snapshot: PollingSnapshot;
}

/**
 * The polling engine. Guarantees, for every trigger of every component:
 * - the lower bound is inclusive and the ids already emitted at it are not emitted again;
 * - the upper bound is fixed when the run starts, the safety lag behind now (and never later than `endTime`);
 * - the snapshot is emitted after each page, only after that page's messages were emitted;
 * - deletions become tombstones;
 * - a damaged stored snapshot stops the run before anything is read (snapshotCheck);
 * - a record without a usable id stops the run before anything of its page is emitted (recordId);
 * - a resumed scan whose position lies beyond the end restarts its window (restart).
 */
export async function runPolling<Raw>(run: PollingRun<Raw>): Promise<PollingResult> {
  const state = readSnapshot(run.snapshot, run.settings.startTime, run.settings.resetSnapshot);
  if (run.settings.resetSnapshot && !isResetMarked(run.snapshot))
    run.log.warn('resetSnapshot: the stored snapshot is ignored; this run starts over at startTime', { startTime: toIso(run.settings.startTime) });
  const lagMs = run.source.changeTimes === false ? 0 : run.settings.safetyLagMs;
  const until = state.scan?.until ?? upperBound({ endTime: run.settings.endTime, safetyLagMs: lagMs }, run.granularityMs ?? 1);
  const result: PollingResult = { emitted: 0, tombstones: 0, skipped: 0, pages: 0, complete: false, snapshot: current(state) };
  run.log.info('Polling run started', { since: toIso(state.lastUpdated), until: toIso(until), resuming: !!state.scan, order: run.source.order });
  if (state.lastUpdated > until) {
    // Within the tolerance of snapshotCheck (clock skew); further ahead readSnapshot refused it.
    run.log.warn('The snapshot is ahead of the upper bound (clock skew between hosts?); nothing to read until the clock passes it', {
      lastUpdated: toIso(state.lastUpdated),
      until: toIso(until),
    });
    result.complete = true;
    return result;
  }
  const tracker = new BoundaryTracker(state);
  const untilIds = new Set(state.scan?.untilIds ?? []);
  // Records skipped by count at a crowded lower bound; an interrupted scan remembers how many it
  // had skipped, or a resumed scan would skip that many again further on and lose records.
  let boundarySkips = state.scan?.skipped ?? 0;
  const window: PollWindow = {
    since: state.lastUpdated,
    until,
    pageSize: run.settings.pageSize,
    resumeFrom: state.scan?.after,
    stored: state.extra,
    singlePage: run.settings.singlePagePerInterval,
  };
  const emitSnapshot = async (snapshot: PollingSnapshot, scanning: boolean): Promise<PollingSnapshot> => {
    const kept = run.source.keep ? { ...snapshot, ...run.source.keep({ scanning }) } : snapshot;
    await run.emitSnapshot(kept);
    return kept;
  };

  const restart = () => {
    untilIds.clear();
    boundarySkips = 0;
  };
  for await (const page of restartablePages(run.source, window, run.log, restart)) {
    const before = result.emitted + result.tombstones;
    for (const { raw, t, id } of inWindow(run, page.records, { since: state.lastUpdated, until }, result)) {
      if (t === state.lastUpdated) {
        if (state.seen.has(id)) {
          result.skipped += 1;
          continue;
        }
        if (state.seenCount !== undefined && boundarySkips < state.seenCount) {
          boundarySkips += 1;
          result.skipped += 1;
          continue;
        }
      }
      if (run.isDeleted?.(raw)) {
        await run.emitData(tombstone(id, run.applicationUid, toIso(t ?? until)));
        result.tombstones += 1;
      } else {
        const message = run.toMessage(raw, id); // at hand for a compiled built-in mapping: no promise to wait for
        await run.emitData(message instanceof Promise ? await message : message);
        result.emitted += 1;
      }
      if (t !== undefined && run.source.order === 'ascending') tracker.saw(t, id);
      if (t === until) untilIds.add(id);
    }
    result.pages += 1;
    metrics.pages += 1;
    if (page.last) break;
    const engineSnapshot =
      run.source.order === 'ascending'
        ? tracker.snapshot(state.extra)
        : {
            ...current(state),
            scan: {
              until: toIso(until),
              after: page.position ?? null,
              ...(untilIds.size ? { untilIds: [...untilIds] } : {}),
              ...(boundarySkips ? { skipped: boundarySkips } : {}),
            },
          };
    const snapshot = await emitSnapshot(engineSnapshot, run.source.order === 'unordered');
    result.snapshot = snapshot;
    run.log.info('Page done', {
      page: result.pages,
      records: page.records.length,
      emitted: result.emitted,
      tombstones: result.tombstones,
      lastUpdated: snapshot.lastUpdated,
    });
    // A page of records already emitted (a resumed boundary) does not use up the interval's page.
    if (run.settings.singlePagePerInterval && result.emitted + result.tombstones > before) return result;
  }

  const final = await emitSnapshot(finalSnapshot(state, until, untilIds), false);
  result.snapshot = final;
  result.complete = true;
  run.log.info('Polling run complete', {
    pages: result.pages,
    emitted: result.emitted,
    tombstones: result.tombstones,
    skipped: result.skipped,
    lastUpdated: final.lastUpdated,
  });
  return result;
}

/**
 * The records of a page inside the window, with their checked ids. Every id is checked before the
 * first record of the page is emitted, so a broken one stops the run with nothing of the page
 * emitted and the snapshot still before it. Records outside the window are counted as skipped.
 */
function inWindow<Raw>(
  run: PollingRun<Raw>,
  records: Raw[],
  window: { since: number; until: number },
  result: PollingResult,
): { raw: Raw; t: number | undefined; id: string }[] {
  const page = result.pages + 1;
  const kept: { raw: Raw; t: number | undefined; id: string }[] = [];
  records.forEach((raw, index) => {
    const t = run.cursor(raw);
    if (t !== undefined && (t < window.since || t > window.until)) {
      result.skipped += 1;
      return;
    }
    kept.push({ raw, t, id: checkedRecordId(run.id(raw), { page, index, idField: run.idField ?? 'id' }) });
  });
  return kept;
}

/**
 * After a complete run everything up to `until` is emitted. When the run started at `until`
 * itself (a fixed `endTime`, or runs within one clock tick) the ids emitted earlier at it still
 * count, or the next run would emit them again.
 */
function finalSnapshot(state: CursorState, until: number, untilIds: Set<string>): PollingSnapshot {
  if (state.lastUpdated !== until) return boundary(until, untilIds, untilIds.size, state.extra);
  const ids = new Set([...state.seen, ...untilIds]);
  return boundary(until, ids, (state.seenCount ?? state.seen.size) + untilIds.size, state.extra);
}

function current(state: CursorState): PollingSnapshot {
  return boundary(state.lastUpdated, state.seen, state.seenCount ?? state.seen.size, state.extra);
}

/** Tracks the newest timestamp emitted so far and the ids at it (ascending sources). */
class BoundaryTracker {
  private t: number;
  private ids: Set<string>;
  private count: number;

  constructor(state: CursorState) {
    this.t = state.lastUpdated;
    this.ids = new Set(state.seen);
    this.count = state.seenCount ?? state.seen.size;
  }

  saw(t: number, id: string): void {
    if (t > this.t) {
      this.t = t;
      this.ids = new Set([id]);
      this.count = 1;
    } else if (t === this.t) {
      if (!this.ids.has(id)) this.count += 1;
      if (this.count <= SEEN_ID_LIMIT) this.ids.add(id);
    } else {
      throw new ConnectorError(`The provider returned record ${id} out of order (older than one already emitted); ascending order was expected`);
    }
  }

  snapshot(extra: Record<string, unknown>): PollingSnapshot {
    return boundary(this.t, this.ids, this.count, extra);
  }
}
