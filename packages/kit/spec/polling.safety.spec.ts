import { expect } from 'chai';
import { ConfigurationError, ProviderError, ScanPositionLostError } from '../src/errors';
import { runPolling } from '../src/polling/engine';
import type { PollingSource, PollWindow } from '../src/polling/engine';
import { firstPresent, usableId } from '../src/polling/recordId';
import { Log } from '../src/util/logger';
import { timing } from '../src/util/timing';
import type { Clock } from '../src/util/timing';
import { FakeClock } from './helpers/fakeClock';
import { MemRecord, ascendingSource, memoryRun, unorderedSource } from './helpers/memorySource';
import { rejection as failure } from './helpers/promises';

const T = Date.parse('2024-05-01T10:00:00.000Z');
const NOW = T + 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
const DAY = 86_400_000;

const records = (count: number, prefix = 'r'): MemRecord[] =>
  Array.from({ length: count }, (_, i) => ({ id: `${prefix}${String(i).padStart(2, '0')}`, t: T + i }));

/** A log that keeps its warnings, to see what the engine told the operator. */
function warnings(): { log: Log; lines: string[] } {
  const lines: string[] = [];
  const target = { info: () => undefined, error: () => undefined, warn: (...args: unknown[]) => lines.push(args.map(String).join(' ')) };
  return { log: new Log(target), lines };
}

describe('polling engine: hostile snapshots, ids and scan positions', () => {
  let previous: Clock;
  beforeEach(() => {
    previous = timing.clock;
    timing.clock = new FakeClock(NOW);
  });
  afterEach(() => {
    timing.clock = previous;
  });

  describe('snapshots are validated when read', () => {
    const damaged: [string, unknown][] = [
      ['1e17', 1e17],
      ['the year 2999', '2999-01-01T00:00:00Z'],
      ['text that is no time', 'garbage'],
      ['an object', { at: T }],
      ['a list', [T]],
      ['before the epoch', -5000],
      ['a boolean', true],
      ['an empty text', ''],
      ['two days ahead', iso(NOW + 2 * DAY)],
    ];
    for (const [what, value] of damaged) {
      it(`lastUpdated as ${what} is a configuration error naming the value and the reset, before any request`, async () => {
        const windows: PollWindow[] = [];
        const { run, out } = memoryRun(ascendingSource(records(3), windows), { lastUpdated: value });
        const error = await failure(runPolling(run));
        expect(error).to.be.instanceOf(ConfigurationError);
        expect(error.message).to.match(/^snapshot\.lastUpdated: the stored snapshot is damaged: /);
        expect(error.message).to.include(JSON.stringify(value));
        expect(error.message).to.include('"resetSnapshot": true');
        expect(error.message).to.include('--state');
        expect(windows, 'nothing was read').to.deep.equal([]);
        expect(out.events).to.deep.equal([]);
      });
    }

    it('damaged scans, boundary sets and snapshots that are no object are refused too, naming the field', async () => {
      const cases: [unknown, RegExp][] = [
        ['garbage', /^snapshot: .*"garbage" is not an object/],
        [{ lastUpdated: iso(T), seen: 'a' }, /^snapshot\.seen: /],
        [{ lastUpdated: iso(T), seen: [{}] }, /^snapshot\.seen: /],
        [{ lastUpdated: iso(T), seenCount: -1 }, /^snapshot\.seenCount: /],
        [{ lastUpdated: iso(T), scan: { until: 1e17, after: 2 } }, /^snapshot\.scan\.until: /],
        [{ lastUpdated: iso(T), scan: { after: 2 } }, /^snapshot\.scan\.until: /],
        [{ lastUpdated: iso(T), scan: { until: iso(T + 5), after: 2, skipped: 'x' } }, /^snapshot\.scan\.skipped: /],
      ];
      for (const [snapshot, pattern] of cases) {
        const { run } = memoryRun(unorderedSource(records(3)), snapshot);
        const error = await failure(runPolling(run));
        expect(error, JSON.stringify(snapshot)).to.be.instanceOf(ConfigurationError);
        expect(error.message, JSON.stringify(snapshot)).to.match(pattern);
      }
    });

    it('a snapshot within a day ahead (clock skew) reads nothing, stays as it is and says so', async () => {
      const { log, lines } = warnings();
      const { run, out } = memoryRun(ascendingSource(records(3)), { lastUpdated: iso(NOW + DAY - 1) });
      run.log = log;
      const result = await runPolling(run);
      expect(out.events).to.deep.equal([]);
      expect(result.complete).to.equal(true);
      expect(lines.join('\n')).to.include('ahead of the upper bound');
    });

    it('no snapshot, an empty one or a null lastUpdated is a first run from startTime', async () => {
      for (const snapshot of [undefined, null, {}, { lastUpdated: null }]) {
        const { run, out } = memoryRun(ascendingSource(records(3)), snapshot, { startTime: T + 1 });
        await runPolling(run);
        expect(out.ids, JSON.stringify(snapshot)).to.deep.equal(['r01', 'r02']);
      }
    });

    it('resetSnapshot ignores a damaged snapshot once: the snapshots it writes are marked, so the next runs continue', async () => {
      const all = records(15);
      const { log, lines } = warnings();
      const first = memoryRun(ascendingSource(all), { lastUpdated: 'garbage' }, { resetSnapshot: true });
      first.run.log = log;
      await runPolling(first.run);
      expect(first.out.ids).to.have.length(15);
      expect(lines.join('\n')).to.include('resetSnapshot');
      for (const snapshot of first.out.snapshots) expect(snapshot).to.include({ snapshotReset: true });
      const stillOn = memoryRun(ascendingSource(all), first.out.snapshots.at(-1), { resetSnapshot: true });
      await runPolling(stillOn.run);
      expect(stillOn.out.ids, 'the field stays on: no second re-sync').to.deep.equal([]);
      const off = memoryRun(ascendingSource(all), stillOn.out.snapshots.at(-1));
      await runPolling(off.run);
      expect(off.out.ids).to.deep.equal([]);
      expect(off.out.snapshots.at(-1)).not.to.have.property('snapshotReset');
      const onAgain = memoryRun(ascendingSource(all), off.out.snapshots.at(-1), { resetSnapshot: true });
      await runPolling(onAgain.run);
      expect(onAgain.out.ids, 'switched on again: one more reset').to.have.length(15);
    });
  });

  describe('identity is never lost', () => {
    const broken: [string, unknown][] = [
      ['missing', undefined],
      ['null', null],
      ['empty', ''],
      ['blank', '   '],
      ['an object', { id: 1 }],
      ['a list', [1]],
      ['the text "undefined"', 'undefined'],
      ['the text "null"', 'null'],
      ['the text "[object Object]"', '[object Object]'],
      ['NaN', Number.NaN],
      ['a boolean', true],
    ];
    for (const [what, id] of broken) {
      it(`a record whose id is ${what} stops the run with an error naming the field and its place; nothing of its page is emitted`, async () => {
        const all = records(25);
        (all[13] as { id: unknown }).id = id;
        const { run, out } = memoryRun(ascendingSource(all), {});
        run.idField = 'recordId';
        const error = await failure(runPolling(run));
        expect(error).to.be.instanceOf(ProviderError);
        expect(error.message).to.match(/"recordId" is .*\(page 2, record index 3\)/);
        expect((error as ProviderError).field).to.equal('recordId');
        expect(out.ids).to.deep.equal(all.slice(0, 10).map((r) => r.id));
        expect(out.snapshots).to.have.length(1);
        expect(out.data.every((m) => typeof m.metadata.recordUid === 'string' && !/undefined|null|object/.test(m.metadata.recordUid))).to.equal(true);
      });
    }

    it('numeric ids become text; a broken id outside the window does not stop the run', async () => {
      const all: MemRecord[] = [
        { id: undefined as unknown as string, t: T - 100 },
        { id: 42 as unknown as string, t: T },
      ];
      const { run, out } = memoryRun(ascendingSource(all), { lastUpdated: iso(T - 1) });
      run.id = (r) => r.id;
      run.toMessage = async (r, id) => ({ metadata: { recordUid: id }, data: { ...r } });
      await runPolling(run);
      expect(out.ids).to.deep.equal(['42']);
    });

    it('firstPresent reads the first present of the candidate fields, in order', () => {
      const order = ['recordId', 'id', 'code'] as const;
      expect(firstPresent({ recordId: 'a', id: 'b' }, order)).to.equal('a');
      expect(firstPresent({ recordId: '', id: 7 }, order)).to.equal(7);
      expect(firstPresent({ recordId: null, code: 'c' }, order)).to.equal('c');
      expect(firstPresent({ other: 1 }, order)).to.equal(undefined);
    });

    it('usableId accepts text and finite numbers, nothing broken (ids built from parts check each part)', () => {
      expect(usableId(' g1 ')).to.equal('g1');
      expect(usableId(42)).to.equal('42');
      for (const broken of [undefined, null, '', '  ', 'undefined', 'null', 'NaN', '[object Object]', NaN, Infinity, { id: 1 }, ['a'], true]) {
        expect(usableId(broken), JSON.stringify(broken) ?? 'undefined').to.equal(undefined);
      }
    });
  });

  describe('a scan position beyond the end restarts the window', () => {
    /** An unordered source whose stored page index past the end is detected, as the kit's pagers do. */
    const checking = (all: MemRecord[], windows: PollWindow[] = []): PollingSource<MemRecord> => {
      const inner = unorderedSource(all, windows);
      return {
        order: 'unordered',
        async *pages(window) {
          const pages = Math.ceil(all.length / window.pageSize);
          if (typeof window.resumeFrom === 'number' && window.resumeFrom >= pages)
            throw new ScanPositionLostError(`page ${window.resumeFrom} is past the end`);
          yield* inner.pages(window);
        },
      };
    };

    it('emits every record of the window instead of completing at the bogus position', async () => {
      const all = records(23);
      const windows: PollWindow[] = [];
      const { log, lines } = warnings();
      const { run, out } = memoryRun(checking(all, windows), {
        lastUpdated: iso(T),
        scan: { until: iso(NOW - 1), after: 40, untilIds: ['x'], skipped: 3 },
      });
      run.log = log;
      const result = await runPolling(run);
      expect(out.ids.sort()).to.deep.equal(all.map((r) => r.id));
      expect(result.complete).to.equal(true);
      expect(windows.map((w) => w.resumeFrom)).to.deep.equal([undefined]);
      expect(lines.join('\n')).to.include('restarting the scan');
      expect(out.snapshots.at(-1)).to.deep.equal({ lastUpdated: iso(NOW - 1) });
    });

    it('restarts once: a second lost position, or one without a stored position, fails the run', async () => {
      const always: PollingSource<MemRecord> = {
        order: 'unordered',
        // eslint-disable-next-line require-yield
        async *pages() {
          throw new ScanPositionLostError('lost');
        },
      };
      const resumed = memoryRun(always, { lastUpdated: iso(T), scan: { until: iso(NOW - 1), after: 4 } });
      expect(await failure(runPolling(resumed.run))).to.be.instanceOf(ScanPositionLostError);
      const fresh = memoryRun(always, { lastUpdated: iso(T) });
      expect(await failure(runPolling(fresh.run))).to.be.instanceOf(ScanPositionLostError);
    });
  });
});
