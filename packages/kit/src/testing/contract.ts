import { expect } from 'chai';
import { ConfigurationError } from '../errors/ConfigurationError';
import type { SimRequest, SimResponse, SimulatorServer } from '../simulator/server';
import { isSecretKey } from '../util/redact';
import { resetProviderClocks } from '../http/providerClock';
import { resetSharedThrottles } from '../http/throttle';
import { realClock, timing } from '../util/timing';
import { AnyProcess, RecordingSelf, recordIdOf, runProcess } from './recorder';

/** What a component provides so the contract suite can drive one of its polling triggers. */
export interface TriggerContractFixture {
  trigger: { process: AnyProcess };
  /** Starts the provider simulator with no records; returns the step configuration that reaches it. */
  start(): Promise<{ cfg: Record<string, unknown>; sim: SimulatorServer }>;
  stop(): Promise<void>;
  /** Adds records modified "now" (each at its own time, or all at one shared time); returns their ids. */
  addRecords(count: number, options?: { sameTime?: boolean }): Promise<string[]> | string[];
  /** Changes records so that they count as modified now. */
  touchRecords(ids: string[]): Promise<void> | void;
  /**
   * Gives the stored record `id` the broken id `value` at the provider (undefined: the field is
   * gone), so the suite can check that the engine refuses it. Omit where the simulator cannot.
   */
  breakRecordId?(id: string, value: unknown): Promise<void> | void;
  /** Expires every issued access token; omit for providers with static API tokens. */
  expireTokens?(): void;
  /** True for requests that read a page of the trigger's records (faults target them). */
  isPageRequest(req: SimRequest): boolean;
  /** Page size to use, small enough to make several pages. */
  pageSize?: number;
  /** The record id of an emitted message; default `metadata.recordUid`. */
  idOf?(message: unknown): string;
  /**
   * The records carry no change time (content hashes tell the changes): the safety lag does not
   * apply, and the lag cases check that it holds nothing back.
   */
  untimed?: boolean;
}

interface Ctx {
  fixture: TriggerContractFixture;
  cfg: Record<string, unknown>;
  sim: SimulatorServer;
}

const TICK = { body: {}, data: {} };

/**
 * The trigger contract every polling trigger of every component passes against its simulator:
 * sequential runs, future snapshots, damaged snapshots and their reset, broken record ids,
 * resuming from any snapshot, shared timestamps, 429 with an HTTP-date Retry-After, 503, expired
 * tokens, and a crash after any page.
 */
export function describeTriggerContract(title: string, makeFixture: () => TriggerContractFixture): void {
  describe(`trigger contract: ${title}`, function () {
    this.timeout(60_000);
    const ctx = {} as Ctx;
    let previousScale = 1;

    beforeEach(async () => {
      previousScale = timing.scale;
      timing.scale = 0.002;
      ctx.fixture = makeFixture();
      const started = await ctx.fixture.start();
      ctx.sim = started.sim;
      ctx.cfg = stepCfg(started.cfg);
    });

    afterEach(async () => {
      timing.scale = previousScale;
      // The lag cases move our clock: throttles and provider clocks learned there must not outlive them.
      if (timing.clock !== realClock) {
        timing.clock = realClock;
        resetSharedThrottles();
      }
      resetProviderClocks();
      await ctx.fixture.stop();
    });

    // Up to "now": the cases add records and read them at once. The lag has its own cases below.
    const stepCfg = (cfg: Record<string, unknown>) => ({ ...cfg, pageSize: ctx.fixture.pageSize ?? 10, safetyLagSeconds: 0 });
    const run = async (snapshot: unknown, cfg: Record<string, unknown> = ctx.cfg) => {
      const outcome = await runProcess(ctx.fixture.trigger.process, TICK, cfg, snapshot);
      return outcome;
    };
    const ids = (self: RecordingSelf): string[] => self.data.map((m) => (ctx.fixture.idOf ?? recordIdOf)(m));
    const expectNoDuplicates = (list: string[]) => expect(list.length, `duplicates in ${list.join(',')}`).to.equal(new Set(list).size);

    it('two sequential runs: the second emits nothing old, a third emits exactly what changed', async () => {
      const created = await ctx.fixture.addRecords(25);
      await settle();
      const first = await run({});
      expect(first.error).to.equal(undefined);
      expect(ids(first.self).sort()).to.deep.equal([...created].sort());
      const recorded = JSON.stringify([first.self.events, first.self.logs]);
      for (const secret of secretValues(ctx.cfg)) expect(recorded, 'a credential in a message, snapshot or log').not.to.include(secret);
      const second = await run(first.self.lastSnapshot);
      expect(second.error).to.equal(undefined);
      expect(ids(second.self)).to.deep.equal([]);
      await delay(5);
      await ctx.fixture.touchRecords(created.slice(0, 3));
      await settle();
      const added = await ctx.fixture.addRecords(2);
      await settle();
      const third = await run(second.self.lastSnapshot ?? first.self.lastSnapshot);
      expect(third.error).to.equal(undefined);
      expect(ids(third.self).sort()).to.deep.equal([...created.slice(0, 3), ...added].sort());
    });

    it('a snapshot slightly in the future (clock skew: one hour) emits nothing', async () => {
      await ctx.fixture.addRecords(5);
      const future = new Date(Date.now() + 3_600_000).toISOString();
      const outcome = await run({ lastUpdated: future });
      expect(outcome.error).to.equal(undefined);
      expect(outcome.self.data).to.deep.equal([]);
    });

    it('a damaged snapshot is a configuration error naming the value, before any page request; resetSnapshot starts over', async () => {
      const created = await ctx.fixture.addRecords(5);
      await settle();
      const pageRequests = () => ctx.sim.requests.filter((r) => ctx.fixture.isPageRequest(r)).length;
      const before = pageRequests();
      for (const lastUpdated of [1e17, '2999-01-01T00:00:00Z', 'garbage', { at: 1 }]) {
        const outcome = await run({ lastUpdated });
        expect(outcome.error, JSON.stringify(lastUpdated)).to.be.instanceOf(ConfigurationError);
        expect(outcome.error?.message).to.include('snapshot.lastUpdated').and.include(JSON.stringify(lastUpdated)).and.include('resetSnapshot');
        expect(outcome.self.data).to.deep.equal([]);
      }
      expect(pageRequests(), 'no page was read').to.equal(before);
      const reset = await run({ lastUpdated: 'garbage' }, { ...ctx.cfg, resetSnapshot: true });
      expect(reset.error).to.equal(undefined);
      expect(ids(reset.self).sort()).to.deep.equal([...created].sort());
      const next = await run(reset.self.lastSnapshot, { ...ctx.cfg, resetSnapshot: true });
      expect(next.error).to.equal(undefined);
      expect(ids(next.self), 'resetSnapshot left on resets one run only').to.deep.equal([]);
    });

    it('a record with a broken id (gone, empty, an object, the text "undefined") is refused, naming the id field', async function () {
      if (!ctx.fixture.breakRecordId) this.skip();
      for (const value of [undefined, '', { id: 1 }, 'undefined']) {
        const created = await ctx.fixture.addRecords(3);
        await ctx.fixture.breakRecordId(created[1], value);
        await settle();
        const outcome = await run({});
        expect(outcome.error, JSON.stringify(value)).to.be.instanceOf(Error);
        expect(outcome.error?.message).to.match(/without a usable id: its "[^"]+" is .*\(page \d+, record index \d+\)/);
        for (const id of ids(outcome.self)) expect(id).to.match(/^(?!undefined$|null$|\[object )\S/);
        ctx.sim.clearFaults();
        await ctx.fixture.stop();
        const restarted = await ctx.fixture.start();
        ctx.sim = restarted.sim;
        ctx.cfg = stepCfg(restarted.cfg);
      }
    });

    it('resuming from every intermediate snapshot loses and duplicates nothing', async () => {
      const created = await ctx.fixture.addRecords(35);
      await settle();
      const full = await run({});
      expect(full.error).to.equal(undefined);
      const events = full.self.events;
      const snapshotIndexes = events.map((e, i) => (e.event === 'snapshot' ? i : -1)).filter((i) => i >= 0);
      expect(snapshotIndexes.length, 'a snapshot after each page').to.be.greaterThan(2);
      for (const index of snapshotIndexes) {
        const before = events
          .slice(0, index)
          .filter((e) => e.event === 'data')
          .map((e) => (ctx.fixture.idOf ?? recordIdOf)(e.payload));
        const resumed = await run(events[index].payload);
        expect(resumed.error).to.equal(undefined);
        const all = [...before, ...ids(resumed.self)];
        expectNoDuplicates(all);
        expect(all.sort()).to.deep.equal([...created].sort());
      }
    });

    it('a page whose records share one timestamp neither loops nor loses records', async () => {
      const created = await ctx.fixture.addRecords(25, { sameTime: true });
      await settle();
      const cfg = { ...ctx.cfg, singlePagePerInterval: true };
      const seen: string[] = [];
      let snapshot: unknown = {};
      for (let i = 0; i < 12; i += 1) {
        const outcome = await run(snapshot, cfg);
        expect(outcome.error).to.equal(undefined);
        seen.push(...ids(outcome.self));
        snapshot = outcome.self.lastSnapshot ?? snapshot;
        if (outcome.self.data.length === 0) break;
      }
      expectNoDuplicates(seen);
      expect(seen.sort()).to.deep.equal([...created].sort());
    });

    it('records sharing one timestamp across page breaks: resuming from every snapshot loses and duplicates nothing', async () => {
      // 7 + 8 + 6 + 12: the shared-time groups straddle the breaks of 10-record pages.
      const created = [
        ...(await ctx.fixture.addRecords(7)),
        ...(await ctx.fixture.addRecords(8, { sameTime: true })),
        ...(await ctx.fixture.addRecords(6)),
        ...(await ctx.fixture.addRecords(12, { sameTime: true })),
      ];
      await settle();
      const full = await run({});
      expect(full.error).to.equal(undefined);
      expect(ids(full.self).sort()).to.deep.equal([...created].sort());
      const events = full.self.events;
      for (const [index, event] of events.entries()) {
        if (event.event !== 'snapshot') continue;
        expect(JSON.stringify(event.payload).length, 'the snapshot stays a few KB').to.be.below(4096);
        const before = events
          .slice(0, index)
          .filter((e) => e.event === 'data')
          .map((e) => (ctx.fixture.idOf ?? recordIdOf)(e.payload));
        const resumed = await run(event.payload);
        expect(resumed.error).to.equal(undefined);
        const all = [...before, ...ids(resumed.self)];
        expectNoDuplicates(all);
        expect(all.sort()).to.deep.equal([...created].sort());
      }
    });

    it('waits for a 429 with an HTTP-date Retry-After and loses nothing', async () => {
      const created = await ctx.fixture.addRecords(15);
      await settle();
      ctx.sim.inject({
        match: (req) => ctx.fixture.isPageRequest(req),
        after: 1,
        response: () => ({
          status: 429,
          headers: { 'Retry-After': new Date(Date.now() + 1000).toUTCString() },
          body: { error: 'Too Many Requests' },
        }),
      });
      const outcome = await run({});
      expect(outcome.error).to.equal(undefined);
      expect(outcome.self.rebounds).to.deep.equal([]);
      expect(ids(outcome.self).sort()).to.deep.equal([...created].sort());
      expect(ctx.sim.stats.faults).to.equal(1);
    });

    it('retries a 503 and succeeds', async () => {
      const created = await ctx.fixture.addRecords(15);
      await settle();
      ctx.sim.inject({ match: (req) => ctx.fixture.isPageRequest(req), response: { status: 503, body: { error: 'Service Unavailable' } } });
      const outcome = await run({});
      expect(outcome.error).to.equal(undefined);
      expect(ids(outcome.self).sort()).to.deep.equal([...created].sort());
      expect(ctx.sim.stats.faults).to.equal(1);
    });

    const unusable: Array<[string, SimResponse]> = [
      ['an empty 200', { status: 200, text: '' }],
      ['a 200 with null', { status: 200, text: 'null', headers: { 'content-type': 'application/json' } }],
      ['a 200 with an HTML page', { status: 200, text: '<html><body>Bad gateway</body></html>', headers: { 'content-type': 'text/html' } }],
    ];
    for (const [what, response] of unusable) {
      it(`${what} mid-scan is retried; when it persists the run rebounds or fails, and the next run emits every record`, async () => {
        const created = await ctx.fixture.addRecords(25);
        await settle();
        // Once: retried within the budget, nothing lost.
        ctx.sim.inject({ match: (req) => ctx.fixture.isPageRequest(req), after: 1, response });
        const retried = await run({});
        expect(retried.error).to.equal(undefined);
        expect(ids(retried.self).sort()).to.deep.equal([...created].sort());
        // For good: never "the end of the data".
        ctx.sim.clearFaults();
        ctx.sim.inject({ match: (req) => ctx.fixture.isPageRequest(req), after: 1, times: Infinity, response });
        const broken = await run({});
        expect(broken.error !== undefined || broken.self.rebounds.length > 0, 'the run must fail or rebound').to.equal(true);
        ctx.sim.clearFaults();
        const next = await run(broken.self.lastSnapshot ?? {});
        expect(next.error).to.equal(undefined);
        const all = [...ids(broken.self), ...ids(next.self)];
        expectNoDuplicates(all);
        expect(all.sort()).to.deep.equal([...created].sort());
      });
    }

    it('renews an access token that expires mid-run', async function () {
      if (!ctx.fixture.expireTokens) this.skip();
      const created = await ctx.fixture.addRecords(25);
      await settle();
      let pages = 0;
      ctx.sim.inject({
        match: (req) => {
          if (ctx.fixture.isPageRequest(req) && ++pages === 2) ctx.fixture.expireTokens!();
          return false;
        },
      });
      const outcome = await run({});
      expect(outcome.error).to.equal(undefined);
      expect(ids(outcome.self).sort()).to.deep.equal([...created].sort());
    });

    describe('safety lag (60 s): the clocks move on between runs, the records keep their real stamps', () => {
      const lagged = () => ({ ...ctx.cfg, safetyLagSeconds: 60 });
      /** A run "later" by `ms`: our clock and the provider's (its Date header) move on; records written so far are `ms` old. */
      const runLater = (snapshot: unknown, ms: number) => {
        timing.clock = { now: () => Date.now() + ms, sleep: (ms) => realClock.sleep(ms) };
        ctx.sim.dateOffsetMs = ms;
        return run(snapshot, lagged());
      };

      it('a record stamped inside the lag is not passed over: the next run emits it, exactly once', async () => {
        resetProviderClocks();
        const early = await ctx.fixture.addRecords(3);
        await settle();
        const first = await runLater({}, 0);
        expect(first.error).to.equal(undefined);
        const stampedAfter = Date.now();
        // Written a moment ago: inside the lag. A replica that showed it late could not make it lost.
        const late = await ctx.fixture.addRecords(2);
        await settle();
        const second = await runLater(first.self.lastSnapshot, 0);
        expect(second.error).to.equal(undefined);
        if (ctx.fixture.untimed) {
          expect(ids(first.self).sort(), 'no change time: nothing is held back').to.deep.equal([...early].sort());
          expect(ids(second.self).sort()).to.deep.equal([...late].sort());
          return;
        }
        expect(ids(first.self), 'records of the last minute wait for a later run').to.deep.equal([]);
        expect(ids(second.self)).to.deep.equal([]);
        // (A run whose bound is not past the stored one reads nothing and stores nothing.)
        const stored = second.self.lastSnapshot ?? first.self.lastSnapshot;
        const bound = Date.parse(String(stored?.lastUpdated));
        expect(bound, 'the stored bound lies a lag behind the records').to.be.below(stampedAfter - 55_000);
        // A minute later (the lag, a second of the provider's whole-second Date header, a second of its whole-second stamps).
        const third = await runLater(stored, 63_000);
        expect(third.error).to.equal(undefined);
        expect(ids(third.self).sort()).to.deep.equal([...early, ...late].sort());
        const fourth = await runLater(third.self.lastSnapshot ?? stored, 190_000);
        expect(fourth.error).to.equal(undefined);
        expect(ids(fourth.self), 'emitted exactly once').to.deep.equal([]);
      });

      it('a record that shows up later than the lag, stamped before the stored bound, is not recovered (documented)', async () => {
        resetProviderClocks();
        // Two minutes on: the first run's bound is a minute after the records written next.
        const first = await runLater({}, 120_000);
        expect(first.error).to.equal(undefined);
        const tooLate = await ctx.fixture.addRecords(2);
        await settle();
        const second = await runLater(first.self.lastSnapshot, 240_000);
        expect(second.error).to.equal(undefined);
        if (ctx.fixture.untimed) {
          expect(ids(second.self).sort(), 'no change time: content hashes find it').to.deep.equal([...tooLate].sort());
          return;
        }
        expect(ids(second.self), 'stamped before a bound already stored: beyond what the lag covers').to.deep.equal([]);
      });
    });

    it('a crash after any page, then a restart, loses and duplicates nothing', async () => {
      const created = await ctx.fixture.addRecords(35);
      await settle();
      const pageRequests = ctx.sim.requests.length;
      const probe = await run({});
      expect(probe.error).to.equal(undefined);
      const pagesNeeded = ctx.sim.requests.slice(pageRequests).filter((r) => ctx.fixture.isPageRequest(r)).length;
      expect(pagesNeeded).to.be.greaterThan(2);
      for (let crashAfter = 1; crashAfter < pagesNeeded; crashAfter += 1) {
        ctx.sim.clearFaults();
        ctx.sim.inject({
          match: (req) => ctx.fixture.isPageRequest(req),
          after: crashAfter,
          times: Infinity,
          response: { status: 400, body: { error: 'injected crash' } },
        });
        const crashed = await run({});
        expect(crashed.error, `run should fail after page ${crashAfter}`).to.be.instanceOf(Error);
        ctx.sim.clearFaults();
        const restarted = await run(crashed.self.lastSnapshot ?? {});
        expect(restarted.error).to.equal(undefined);
        const all = [...ids(crashed.self), ...ids(restarted.self)];
        expectNoDuplicates(all);
        expect(all.sort()).to.deep.equal([...created].sort());
      }
    });
  });
}

/** The credential values of a step configuration (secret-named fields, nested ones included). */
function secretValues(cfg: unknown, inSecret = false): string[] {
  if (typeof cfg === 'string') return inSecret && cfg.length >= 4 ? [cfg] : [];
  if (!cfg || typeof cfg !== 'object') return [];
  return Object.entries(cfg as Record<string, unknown>).flatMap(([key, value]) => secretValues(value, inSecret || isSecretKey(key)));
}

/** Lets the clock move past records written "now": the upper bound is fixed just before a run starts. */
function settle(): Promise<void> {
  return delay(3);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
