import { expect } from 'chai';
import { resetSharedThrottles, timing } from '@oih-suite/kit/engine';
import { runProcess } from '@oih-suite/kit/testing';
import reviews from '../lib/triggers/getReviewsPolling';
import nps from '../lib/triggers/getNpsResponsesPolling';
import { SmilebackSimulator, startSimulator } from '../simulator';

/**
 * The 30/minute budget belongs to the customer: two triggers with the same credentials in one
 * process share it, so together they never make SmileBack answer 429. The window is compressed
 * 20× on both sides (3 s) so the test takes seconds, not minutes, with 25 ms of slack for jitter.
 */
const SCALE = 0.05;

describe('smileback shared rate budget', () => {
  let sim: SmilebackSimulator;
  let previous = 1;

  before(() => {
    previous = timing.intervalScale;
    timing.intervalScale = SCALE;
    resetSharedThrottles();
  });
  after(() => {
    timing.intervalScale = previous;
    resetSharedThrottles();
  });
  afterEach(async () => sim.stop());

  it('two triggers of one customer page concurrently without a single 429 and emit everything', async function () {
    this.timeout(30_000);
    sim = await startSimulator({ records: 1000, seed: 3, intervalScale: SCALE });
    // Raw records: the mapping's CPU time is not what this test is about.
    const cfg = { ...sim.cfg, pageSize: 20, includeUnrated: true, skipTransformation: true, safetyLagSeconds: 0 };
    const [r, n] = await Promise.all([runProcess(reviews.process, {}, cfg, {}), runProcess(nps.process, {}, cfg, {})]);
    expect(r.error).to.equal(undefined);
    expect(n.error).to.equal(undefined);
    // 1000 reviews / 20 = 50 pages and 250 NPS responses / 20 = 13 pages: over two windows' budget.
    expect(r.self.data).to.have.length(1000);
    expect(n.self.data).to.have.length(250);
    expect(sim.server.stats.rateLimited).to.equal(0);
    expect(sim.server.requests.filter((req) => req.path.includes('/v3/'))).to.have.length(50 + 13);
  });
});
