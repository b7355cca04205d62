import { expect } from 'chai';
import { runPolling } from '../src/polling/engine';
import type { PollWindow } from '../src/polling/engine';
import { SEEN_ID_LIMIT, readSnapshot } from '../src/polling/snapshot';
import { timing } from '../src/util/timing';
import type { Clock } from '../src/util/timing';
import { FakeClock } from './helpers/fakeClock';
import { MemRecord, ascendingSource, memoryRun, sameTime, unorderedSource } from './helpers/memorySource';

const T = Date.parse('2024-05-01T10:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

describe('polling engine', () => {
  let clock: FakeClock;
  let previous: Clock;
  beforeEach(() => {
    previous = timing.clock;
    clock = new FakeClock(T + 3_600_000);
    timing.clock = clock;
  });
  afterEach(() => {
    timing.clock = previous;
  });

  describe('lower bound', () => {
    it('is inclusive and skips the ids already emitted at it', async () => {
      const records: MemRecord[] = [
        { id: 'a', t: T - 1 },
        { id: 'b', t: T },
        { id: 'c', t: T },
        { id: 'd', t: T + 1 },
      ];
      const windows: PollWindow[] = [];
      const { run, out } = memoryRun(ascendingSource(records, windows), { lastUpdated: iso(T), seen: ['b'] });
      const result = await runPolling(run);
      expect(out.ids).to.deep.equal(['c', 'd']);
      expect(windows[0].since).to.equal(T);
      expect(result).to.include({ emitted: 2, complete: true });
    });

    it('remembers more than SEEN_ID_LIMIT ids at one timestamp by count, and skips that many next run', async () => {
      const records = sameTime('x', 150, T);
      const first = memoryRun(ascendingSource(records), {}, { pageSize: 120, singlePagePerInterval: true });
      await runPolling(first.run);
      expect(first.out.ids).to.have.length(120);
      const snapshot = first.out.snapshots[0];
      expect(snapshot).to.deep.equal({ lastUpdated: iso(T), seenCount: 120 });
      expect(JSON.stringify(snapshot).length, 'the snapshot stays small').to.be.below(200);
      const second = memoryRun(ascendingSource(records), snapshot, { pageSize: 120 });
      await runPolling(second.run);
      expect(second.out.ids).to.deep.equal(records.slice(120).map((r) => r.id));
    });

    it('keeps a list of ids up to SEEN_ID_LIMIT', async () => {
      const records = sameTime('y', SEEN_ID_LIMIT + 1, T);
      const { run, out } = memoryRun(ascendingSource(records), {}, { pageSize: SEEN_ID_LIMIT, singlePagePerInterval: true });
      await runPolling(run);
      expect(out.snapshots[0].seen).to.have.length(SEEN_ID_LIMIT);
      expect(out.snapshots[0]).not.to.have.property('seenCount');
    });
  });

  describe('snapshot reading', () => {
    it('migrates a numeric lastUpdated in seconds or milliseconds (number or string)', () => {
      for (const value of [T / 1000, T, String(T / 1000), String(T)]) {
        expect(readSnapshot({ lastUpdated: value }, 0).lastUpdated, String(value)).to.equal(T);
      }
    });

    it('starts at startTime without a snapshot and keeps unknown fields', () => {
      const state = readSnapshot({ other: 1 }, 42);
      expect(state.lastUpdated).to.equal(42);
      expect(state.extra).to.deep.equal({ other: 1 });
    });

    it('emits the migrated snapshot as ISO', async () => {
      const { run, out } = memoryRun(ascendingSource([{ id: 'a', t: T + 5 }]), { lastUpdated: T / 1000 });
      await runPolling(run);
      expect(out.ids).to.deep.equal(['a']);
      expect(out.snapshots[out.snapshots.length - 1].lastUpdated).to.equal(iso(clock.now() - 1));
    });
  });

  it('a snapshot in the future emits nothing, not even a snapshot', async () => {
    const { run, out } = memoryRun(ascendingSource([{ id: 'a', t: T }]), { lastUpdated: iso(clock.now() + 86_400_000) });
    const result = await runPolling(run);
    expect(out.events).to.deep.equal([]);
    expect(result.complete).to.equal(true);
  });

  describe('upper bound', () => {
    it('is fixed at the start: records newer than the start are not emitted, and the next run picks them up', async () => {
      const records: MemRecord[] = [{ id: 'old', t: T }];
      const source = ascendingSource(records);
      const start = clock.now();
      const pages = source.pages.bind(source);
      // While the run reads, a record is written "now" and the clock moves on.
      source.pages = (window) => {
        clock.advance(10);
        records.push({ id: 'during', t: clock.now() });
        return pages(window);
      };
      const first = memoryRun(source, {});
      await runPolling(first.run);
      expect(first.out.ids).to.deep.equal(['old']);
      expect(first.out.snapshots.at(-1)).to.deep.equal({ lastUpdated: iso(start - 1) });
      source.pages = pages;
      clock.advance(1000);
      const second = memoryRun(source, first.out.snapshots.at(-1));
      await runPolling(second.run);
      expect(second.out.ids).to.deep.equal(['during']);
    });

    it('stops at endTime, and a later run does not emit the records at endTime again', async () => {
      const end = T + 100;
      const records: MemRecord[] = [
        { id: 'a', t: T },
        { id: 'b', t: end },
        { id: 'c', t: end + 1 },
      ];
      const first = memoryRun(ascendingSource(records), {}, { endTime: end });
      await runPolling(first.run);
      expect(first.out.ids).to.deep.equal(['a', 'b']);
      expect(first.out.snapshots.at(-1)).to.deep.equal({ lastUpdated: iso(end), seen: ['b'] });
      for (const source of [ascendingSource(records), unorderedSource(records)]) {
        const again = memoryRun(source, first.out.snapshots.at(-1), { endTime: end });
        await runPolling(again.run);
        expect(again.out.ids, source.order).to.deep.equal([]);
        expect(again.out.snapshots.at(-1), source.order).to.deep.equal({ lastUpdated: iso(end), seen: ['b'] });
      }
    });

    it('with coarse provider clocks stops before the current second', async () => {
      clock.time = T + 500;
      const { run, out } = memoryRun(ascendingSource([{ id: 'now', t: T }]), {});
      run.granularityMs = 1000;
      await runPolling(run);
      expect(out.ids).to.deep.equal([]);
      expect(out.snapshots.at(-1)).to.deep.equal({ lastUpdated: iso(T - 1) });
    });
  });

  describe('pages and snapshots', () => {
    const twentyFive = (): MemRecord[] => Array.from({ length: 25 }, (_, i) => ({ id: `r${String(i).padStart(2, '0')}`, t: T + i }));

    it('emits the snapshot after each page, only after that page’s data', async () => {
      const { run, out } = memoryRun(ascendingSource(twentyFive()), {});
      await runPolling(run);
      const order = out.events.map((e) => (e.event === 'data' ? 'd' : 's')).join('');
      expect(order).to.equal(`${'d'.repeat(10)}s${'d'.repeat(10)}s${'d'.repeat(5)}s`);
      expect(out.snapshots[0]).to.deep.equal({ lastUpdated: iso(T + 9), seen: ['r09'] });
    });

    it('singlePagePerInterval stops after the first page that emitted something', async () => {
      const { run, out } = memoryRun(ascendingSource(twentyFive()), {}, { singlePagePerInterval: true });
      const result = await runPolling(run);
      expect(out.ids).to.have.length(10);
      expect(result.complete).to.equal(false);
      const next = memoryRun(ascendingSource(twentyFive()), result.snapshot, { singlePagePerInterval: true });
      await runPolling(next.run);
      expect(next.out.ids[0]).to.equal('r10');
    });

    it('tells the source whether the run stops after one page (window.singlePage), so it does not read ahead in vain', async () => {
      const windows: PollWindow[] = [];
      await runPolling(memoryRun(ascendingSource(twentyFive(), windows), {}, { singlePagePerInterval: true }).run);
      await runPolling(memoryRun(ascendingSource(twentyFive(), windows), {}).run);
      expect(windows.map((w) => w.singlePage)).to.deep.equal([true, false]);
    });

    it('turns deletions into tombstones with the ids and the deletion time', async () => {
      const { run, out } = memoryRun(ascendingSource([{ id: 'gone', t: T, deleted: true }]), {});
      const result = await runPolling(run);
      expect(out.data).to.deep.equal([{ metadata: { recordUid: 'gone', applicationUid: 'mem' }, data: { deleteRequested: iso(T) } }]);
      expect(result.tombstones).to.equal(1);
    });

    it('refuses an ascending source that goes back in time', async () => {
      const source = ascendingSource([]);
      source.pages = async function* () {
        yield { records: [{ id: 'b', t: T + 5 }], last: false };
        yield { records: [{ id: 'a', t: T + 1 }], last: true };
      };
      const { run } = memoryRun(source, {});
      let error: Error | undefined;
      await runPolling(run).catch((e: Error) => (error = e));
      expect(error?.message).to.match(/record a out of order/);
    });

    it('emits records without a cursor and ends at the upper bound', async () => {
      const source = ascendingSource([]);
      source.pages = async function* () {
        yield { records: [{ id: 'timeless', t: undefined as unknown as number }] };
      };
      const { run, out } = memoryRun(source, {});
      run.cursor = () => undefined;
      await runPolling(run);
      expect(out.ids).to.deep.equal(['timeless']);
    });
  });

  describe('unordered sources', () => {
    const mixed = (): MemRecord[] => Array.from({ length: 23 }, (_, i) => ({ id: `u${String(i).padStart(2, '0')}`, t: T + ((i * 7) % 23) }));

    it('filters by the window and resumes a scan from every snapshot without loss or duplicates', async () => {
      const records = [...mixed(), { id: 'zz-old', t: T - 10 }];
      const full = memoryRun(unorderedSource(records), { lastUpdated: iso(T) });
      await runPolling(full.run);
      expect(full.out.ids).to.have.length(23);
      expect(full.out.snapshots[0]).to.deep.equal({ lastUpdated: iso(T), scan: { until: iso(clock.now() - 1), after: 1 } });
      for (const [index, event] of full.out.events.entries()) {
        if (event.event !== 'snapshot') continue;
        const before = full.out.events.slice(0, index).filter((e) => e.event === 'data').length;
        const resumed = memoryRun(unorderedSource(records), event.payload);
        await runPolling(resumed.run);
        const all = [...full.out.ids.slice(0, before), ...resumed.out.ids];
        expect(new Set(all).size).to.equal(all.length);
        expect(all.sort()).to.deep.equal([...full.out.ids].sort());
      }
    });

    it('a resumed scan keeps counting the records it skipped at a crowded boundary', async () => {
      // 150 records at T, of which a previous run emitted the first 120 (remembered by count).
      const records = sameTime('c', 150, T);
      const snapshot = { lastUpdated: iso(T), seenCount: 120 };
      const remaining = records.slice(120).map((r) => r.id);
      const full = memoryRun(unorderedSource(records), snapshot, { pageSize: 50 });
      await runPolling(full.run);
      expect(full.out.ids).to.deep.equal(remaining);
      // The same scan crashes after its first page (50 skipped by count), then resumes.
      const crashing = unorderedSource(records);
      const pages = crashing.pages.bind(crashing);
      crashing.pages = async function* (window) {
        let n = 0;
        for await (const page of pages(window)) {
          if (++n === 2) throw new Error('crash');
          yield page;
        }
      };
      const crashed = memoryRun(crashing, snapshot, { pageSize: 50 });
      await runPolling(crashed.run).catch(() => undefined);
      const resumeFrom = crashed.out.snapshots.at(-1);
      expect(resumeFrom).to.have.nested.property('scan.skipped', 50);
      const resumed = memoryRun(unorderedSource(records), resumeFrom, { pageSize: 50 });
      await runPolling(resumed.run);
      expect(resumed.out.ids).to.deep.equal(remaining);
    });
  });

  describe("a source's own state", () => {
    it('is kept in every snapshot beside the cursor and handed to the next run as window.stored', async () => {
      const records = ['a', 'b', 'c'].map((id, i) => ({ id, t: T + i }));
      const seenStored: Record<string, unknown>[] = [];
      const moments: boolean[] = [];
      const counting = (order: 'ascending' | 'unordered') => {
        const inner = order === 'ascending' ? ascendingSource(records) : unorderedSource(records);
        let listed = 0;
        let before = 0;
        return {
          ...inner,
          pages(window: PollWindow) {
            seenStored.push(window.stored);
            before = Number(window.stored.listed ?? 0);
            return inner.pages(window);
          },
          keep({ scanning }: { scanning: boolean }) {
            moments.push(scanning);
            listed += 1;
            return { listed: before + listed };
          },
        };
      };
      const first = memoryRun(counting('unordered'), {}, { pageSize: 2 });
      await runPolling(first.run);
      expect(first.out.snapshots.map((s) => s.listed)).to.deep.equal([1, 2]);
      expect(first.out.snapshots[0]).to.have.property('scan');
      expect(moments).to.deep.equal([true, false]);
      const second = memoryRun(counting('ascending'), first.out.snapshots[1], { pageSize: 2 });
      await runPolling(second.run);
      expect(seenStored).to.deep.equal([{}, { listed: 2 }]);
      expect(second.out.snapshots.at(-1)).to.include({ listed: 3 });
    });
  });
});
