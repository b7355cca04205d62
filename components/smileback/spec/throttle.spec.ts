import { expect } from 'chai';
import sinon from 'sinon';
import { Clock, resetSharedThrottles, Throttle, timing } from '@oih-suite/kit/engine';
import { runProcess } from '@oih-suite/kit/testing';
import reviews from '../lib/triggers/getReviewsPolling';
import nps from '../lib/triggers/getNpsResponsesPolling';
import { RATE_WINDOWS } from '../lib/client';
import { SmilebackSimulator, startSimulator } from '../simulator';

/** Virtual time that moves only when the throttle sleeps: a minute of waiting takes no real time. */
function virtualClock(start: number): Clock & { t: number } {
  const clock = {
    t: start,
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.t += Math.max(0, ms);
    },
  };
  return clock;
}

/**
 * The 30/minute budget belongs to the customer: two triggers with the same credentials in one
 * process share one throttle, so together they never start more than SmileBack allows. The
 * throttle runs on virtual time and the grants are checked against the published window: at
 * real time, how late a granted request reaches the simulator depends on the machine's load,
 * and a margin of milliseconds would make the check (and the retry paths it runs) vary.
 */
describe('smileback shared rate budget', () => {
  const previous = { ...timing };
  let sim: SmilebackSimulator;

  beforeEach(() => resetSharedThrottles());
  afterEach(async () => {
    sinon.restore();
    Object.assign(timing, previous);
    resetSharedThrottles();
    await sim.stop();
  });

  it('two triggers of one customer page concurrently within one shared 30/min budget and emit everything', async function () {
    this.timeout(30_000);
    // The window the simulator would enforce is the one the throttle keeps: no server-side
    // limiter here, the grants below are the proof.
    sim = await startSimulator({ records: 1000, seed: 3, rateLimits: false });
    const clock = virtualClock(Date.now());
    timing.clock = clock;
    const grants: { throttle: Throttle; at: number }[] = [];
    const acquire = sinon.stub(Throttle.prototype, 'acquire').callsFake(async function (this: Throttle) {
      const waited = await acquire.wrappedMethod.call(this);
      grants.push({ throttle: this, at: clock.now() });
      return waited;
    });
    // Raw records: the mapping's CPU time is not what this test is about.
    const cfg = { ...sim.cfg, pageSize: 20, includeUnrated: true, skipTransformation: true, safetyLagSeconds: 0 };
    const [r, n] = await Promise.all([runProcess(reviews.process, {}, cfg, {}), runProcess(nps.process, {}, cfg, {})]);
    expect(r.error).to.equal(undefined);
    expect(n.error).to.equal(undefined);
    // 1000 reviews / 20 = 50 pages and 250 NPS responses / 20 = 13 pages: over two windows' budget.
    expect(r.self.data).to.have.length(1000);
    expect(n.self.data).to.have.length(250);
    expect(sim.server.requests.filter((req) => req.path.includes('/v3/'))).to.have.length(50 + 13);
    expect(new Set(grants.map((g) => g.throttle)).size, 'one throttle for both triggers').to.equal(1);
    expect(grants.length).to.be.at.least(50 + 13);
    const [{ limit, intervalMs }] = RATE_WINDOWS;
    const starts = grants.map((g) => g.at);
    for (let i = limit; i < starts.length; i += 1) expect(starts[i] - starts[i - limit], `grant ${i}`).to.be.at.least(intervalMs);
    expect(clock.t - starts[0], 'the budget made them wait two windows').to.be.at.least(2 * intervalMs);
  });
});
