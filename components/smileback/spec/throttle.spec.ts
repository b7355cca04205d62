import { expect } from 'chai';
import { resetSharedThrottles, timing } from '@oih-suite/kit';
import { runProcess } from '@oih-suite/kit/testing';
import reviews from '../lib/triggers/getReviewsPolling';
import nps from '../lib/triggers/getNpsResponsesPolling';
import { SmilebackSimulator, startSimulator } from '../simulator';

/**
 * The 30/minute budget belongs to the customer: two triggers with the same credentials in one
 * process share it, so together they never make SmileBack answer 429. The window is compressed
 * 100× on both sides (0.6 s) so the test takes seconds, not minutes.
 */
describe('smileback shared rate budget', () => {
  let sim: SmilebackSimulator;
  let previous = 1;

  before(() => {
    previous = timing.intervalScale;
    timing.intervalScale = 0.01;
    resetSharedThrottles();
  });
  after(() => {
    timing.intervalScale = previous;
    resetSharedThrottles();
  });
  afterEach(async () => sim.stop());

  it('two triggers of one customer page concurrently without a single 429 and emit everything', async function () {
    this.timeout(30_000);
    sim = await startSimulator({ records: 2000, seed: 3, intervalScale: 0.01 });
    const cfg = { ...sim.cfg, pageSize: 20, includeUnrated: true };
    const [r, n] = await Promise.all([runProcess(reviews.process, {}, cfg, {}), runProcess(nps.process, {}, cfg, {})]);
    expect(r.error).to.equal(undefined);
    expect(n.error).to.equal(undefined);
    // 2000 reviews / 20 = 100 pages and 500 NPS responses / 20 = 25 pages, plus the final empty page checks.
    expect(r.self.data).to.have.length(2000);
    expect(n.self.data).to.have.length(500);
    expect(sim.server.stats.rateLimited).to.equal(0);
    expect(sim.server.stats.requests).to.be.at.least(125);
  });
});
