/** An in-memory polling source for engine tests: records with a millisecond cursor. */
import type { PollingRun, PollingSource, PollWindow } from '../../src/polling/engine';
import type { PollingSnapshot } from '../../src/polling/snapshot';
import type { OihMessage } from '../../src/messages/message';
import { oihMessage } from '../../src/messages/message';
import { Log, silentLogger } from '../../src/util/logger';

export interface MemRecord {
  id: string;
  t: number;
  deleted?: boolean;
}

/** Provider-side filter by `since` (inclusive), sorted by time then id, limit/offset pages. */
export function ascendingSource(records: MemRecord[], windows: PollWindow[] = []): PollingSource<MemRecord> {
  return {
    order: 'ascending',
    async *pages(window) {
      windows.push(window);
      const matching = records.filter((r) => r.t >= window.since).sort((a, b) => a.t - b.t || a.id.localeCompare(b.id));
      for (let offset = 0; ; offset += window.pageSize) {
        const slice = matching.slice(offset, offset + window.pageSize);
        const last = offset + window.pageSize >= matching.length;
        yield { records: slice, position: offset + slice.length, last };
        if (last) return;
      }
    },
  };
}

/** Lists everything by id, page by page; the position is the next page index. */
export function unorderedSource(records: MemRecord[], windows: PollWindow[] = []): PollingSource<MemRecord> {
  return {
    order: 'unordered',
    async *pages(window) {
      windows.push(window);
      const all = [...records].sort((a, b) => a.id.localeCompare(b.id));
      for (let page = typeof window.resumeFrom === 'number' ? window.resumeFrom : 0; ; page += 1) {
        const slice = all.slice(page * window.pageSize, (page + 1) * window.pageSize);
        const last = (page + 1) * window.pageSize >= all.length;
        yield { records: slice, position: page + 1, last };
        if (last) return;
      }
    },
  };
}

export interface Recorded {
  events: { event: 'data' | 'snapshot'; payload: OihMessage | PollingSnapshot }[];
  data: OihMessage[];
  snapshots: PollingSnapshot[];
  ids: string[];
}

/** A complete `PollingRun` around a source, recording emits in order. */
export function memoryRun(
  source: PollingSource<MemRecord>,
  snapshot: unknown,
  settings: Partial<PollingRun<MemRecord>['settings']> = {},
): { run: PollingRun<MemRecord>; out: Recorded } {
  const out: Recorded = { events: [], data: [], snapshots: [], ids: [] };
  const run: PollingRun<MemRecord> = {
    source,
    settings: { startTime: 0, pageSize: 10, singlePagePerInterval: false, ...settings },
    snapshot,
    cursor: (r) => r.t,
    id: (r) => r.id,
    isDeleted: (r) => r.deleted === true,
    applicationUid: 'mem',
    toMessage: async (r) => oihMessage({ ...r }, { recordUid: r.id, applicationUid: 'mem' }),
    emitData: async (m) => {
      out.events.push({ event: 'data', payload: m });
      out.data.push(m);
      out.ids.push(String(m.metadata.recordUid));
    },
    emitSnapshot: async (s) => {
      out.events.push({ event: 'snapshot', payload: s });
      out.snapshots.push(JSON.parse(JSON.stringify(s)) as PollingSnapshot);
    },
    log: new Log(silentLogger),
  };
  return { run, out };
}

/** `count` records at one time, ids `prefix-000`... */
export function sameTime(prefix: string, count: number, t: number): MemRecord[] {
  return Array.from({ length: count }, (_, i) => ({ id: `${prefix}-${String(i).padStart(3, '0')}`, t }));
}
