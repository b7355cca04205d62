import { expect } from 'chai';
import { clearTokenCache, resetSharedThrottles, timing } from '@oih-suite/kit/engine';
import { RecordingSelf, runProcess } from '@oih-suite/kit/testing';
import allGroups from '../lib/triggers/getReceiversPolling';
import { CleverReachSimulator, startSimulator } from '../simulator';
import { nextSecond } from './helpers';

type Message = RecordingSelf['data'][number];
const idOf = (m: Message) => (m.metadata as { recordUid: string }).recordUid;
const groupsOf = (m: Message) =>
  (m.data as { categories: { name: string; label: string }[] }).categories.filter((c) => c.label === 'group').map((c) => c.name);
const isPage = (req: { method: string; path: string }) => req.method === 'GET' && /\/receivers$/.test(req.path);

/** The two-pass initial sync against the simulator: 3 groups, some receivers in two of them. */
describe('getReceiversPolling two-pass scan (simulator)', function () {
  this.timeout(60_000);
  let sim: CleverReachSimulator;
  let previous: { intervalScale: number; scale: number };
  const cfg = () => ({ ...sim.cfg, pageSize: 25, safetyLagSeconds: 0 });

  beforeEach(async () => {
    clearTokenCache();
    resetSharedThrottles();
    previous = { intervalScale: timing.intervalScale, scale: timing.scale };
    timing.intervalScale = 0;
    timing.scale = 0.002;
    sim = await startSimulator({ records: 120, seed: 7 });
    await nextSecond();
  });
  afterEach(async () => {
    Object.assign(timing, previous);
    await sim.stop();
  });

  /** The groups each receiver of the store belongs to, by name in group-id order. */
  const expectedGroups = (): Map<string, string[]> =>
    new Map(
      [...sim.store.receivers.values()].map((r) => [
        String(r.id),
        [...r.memberships.keys()].sort((a, b) => a - b).map((g) => sim.store.groups.get(g)!.name),
      ]),
    );

  const expectEachOnceWithAllGroups = (messages: Message[]) => {
    const ids = messages.map(idOf);
    expect(ids.length, 'no duplicates').to.equal(new Set(ids).size);
    const expected = expectedGroups();
    expect([...ids].sort()).to.deep.equal([...expected.keys()].sort());
    for (const m of messages) expect(groupsOf(m), `groups of ${idOf(m)}`).to.deep.equal(expected.get(idOf(m)));
  };

  it('emits every receiver once with all its groups, at two reads per page of every group and no look-ups', async () => {
    const multi = [...sim.store.receivers.values()].filter((r) => r.memberships.size > 1);
    expect(multi.length, 'the seed has receivers in several groups').to.be.greaterThan(5);
    const before = sim.server.requests.length;
    const run = await runProcess(allGroups.process, {}, cfg(), {});
    expect(run.error).to.equal(undefined);
    expectEachOnceWithAllGroups(run.self.data);
    const requests = sim.server.requests.slice(before);
    expect(requests.filter((r) => r.query.email_list || r.query.id_list)).to.deep.equal([]);
    // Pages per group (a full last page needs one more, empty, read in the index pass).
    const pages = [...sim.store.groups.keys()].map((g) => Math.floor(sim.store.members(g).length / 25) + 1);
    const lastGroupPages = pages[pages.length - 1];
    expect(requests.filter(isPage).length).to.be.at.most(2 * pages.reduce((a, b) => a + b, 0) - lastGroupPages);
  });

  it('a crash between the two passes, or after any page, then a restart: every receiver once, with all its groups', async () => {
    const probe = await runProcess(allGroups.process, {}, cfg(), {});
    expect(probe.error).to.equal(undefined);
    const pageRequests = sim.server.requests.filter(isPage).length;
    const firstGroup = String(Math.min(...sim.store.groups.keys()));
    let crashedBetweenPasses = false;
    for (let crashAfter = 1; crashAfter < pageRequests; crashAfter += 1) {
      sim.server.clearFaults();
      sim.server.inject({ match: isPage, after: crashAfter, times: Infinity, response: { status: 400, body: { error: 'injected crash' } } });
      const crashed = await runProcess(allGroups.process, {}, cfg(), {});
      expect(crashed.error, `run should fail after page request ${crashAfter}`).to.be.instanceOf(Error);
      const after = (crashed.self.lastSnapshot as { scan?: { after?: { group: string; page: number } } } | undefined)?.scan?.after;
      if (after?.group === firstGroup && after.page === 0) crashedBetweenPasses = true;
      sim.server.clearFaults();
      const restarted = await runProcess(allGroups.process, {}, cfg(), crashed.self.lastSnapshot ?? {});
      expect(restarted.error).to.equal(undefined);
      expectEachOnceWithAllGroups([...crashed.self.data, ...restarted.self.data]);
    }
    expect(crashedBetweenPasses, 'one crash fell between the index pass and the emit pass').to.equal(true);
  });

  it('reads each next page while this one is emitted, but not when the run stops after one page (singlePagePerInterval)', async () => {
    const pages = [...sim.store.groups.keys()].map((g) => Math.floor(sim.store.members(g).length / 25) + 1);
    const before = sim.server.requests.length;
    const one = await runProcess(allGroups.process, {}, { ...cfg(), singlePagePerInterval: true }, {});
    expect(one.error).to.equal(undefined);
    expect(one.self.data.length, 'one page of the last group emitted').to.be.within(1, 25);
    // A page read ahead would be under way now: give it time to arrive before counting.
    await new Promise((resolve) => setTimeout(resolve, 300));
    // The index pass over every other group, then the last group's first page: nothing read in vain.
    const indexPass = pages.slice(0, -1).reduce((a, b) => a + b, 0);
    expect(sim.server.requests.slice(before).filter(isPage).length).to.equal(indexPass + 1);
  });

  it('an incremental run reads every page once and only the pages holding a change again', async () => {
    const first = await runProcess(allGroups.process, {}, cfg(), {});
    const multi = [...sim.store.receivers.values()].find((r) => r.memberships.size > 1)!;
    const firstGroupOfMulti = Math.min(...multi.memberships.keys());
    sim.store.touch(multi.id, undefined, firstGroupOfMulti);
    await nextSecond();
    const before = sim.server.requests.length;
    const second = await runProcess(allGroups.process, {}, cfg(), first.self.lastSnapshot);
    expect(second.error).to.equal(undefined);
    expect(second.self.data.map(idOf)).to.deep.equal([String(multi.id)]);
    expect(groupsOf(second.self.data[0])).to.deep.equal(expectedGroups().get(String(multi.id)));
    const pages = [...sim.store.groups.keys()].map((g) => Math.floor(sim.store.members(g).length / 25) + 1);
    expect(sim.server.requests.slice(before).filter(isPage).length).to.be.at.most(pages.reduce((a, b) => a + b, 0) + 1);
  });
});
