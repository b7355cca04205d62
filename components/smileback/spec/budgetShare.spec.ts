import { expect } from 'chai';
import { clearTokenCache, resetSharedThrottles } from '@oih-suite/kit/engine';
import { runProcess } from '@oih-suite/kit/testing';
import reviews from '../lib/triggers/getReviewsPolling';
import { SmilebackSimulator, startSimulator } from '../simulator';
import { useCompressedMinute } from './helpers';

/**
 * Two flows on one SmileBack account, each in its own container: two throttles that each
 * believe they own the 30 requests/minute, against one simulator that counts the customer's
 * requests. 3,000 reviews each in pages of 100. The minute is compressed 2× on both sides (30 s):
 * the client's half second of slack (250 ms here) must still cover a request arriving later after
 * its slot than the others. Compressed 5×, the slack (100 ms) was less than a loaded CI machine's
 * event-loop delay and the spec failed now and then with one 429; real time leaves 500 ms. Without
 * shares the throttles learn from 429s instead: budgetLearning.spec.
 */
const SCALE = 0.5;

describe('smileback: one budget, two containers (rateLimitShare)', () => {
  let sim: SmilebackSimulator;
  useCompressedMinute(SCALE, () => sim.stop());

  /** Starts container A, waits for its first request (its throttle exists), then B with a throttle of its own. */
  async function twoContainers(extra: Record<string, unknown>) {
    sim = await startSimulator({ records: 3000, seed: 5, intervalScale: SCALE });
    const cfg = { ...sim.cfg, pageSize: 100, includeUnrated: true, skipTransformation: true, safetyLagSeconds: 0, ...extra };
    const a = runProcess(reviews.process, {}, cfg, {});
    while (sim.server.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 2));
    // Container B: its own throttle and its own login, as a second process has.
    resetSharedThrottles();
    clearTokenCache();
    const b = runProcess(reviews.process, {}, cfg, {});
    return Promise.all([a, b]);
  }

  it('with rateLimitShare 0.5 each, both complete without a single 429', async function () {
    this.timeout(180_000);
    const [a, b] = await twoContainers({ rateLimitShare: 0.5 });
    for (const run of [a, b]) {
      expect(run.error).to.equal(undefined);
      expect(run.self.rebounds).to.deep.equal([]);
      expect(new Set(run.self.data.map((m) => (m.metadata as { recordUid: string }).recordUid)).size).to.equal(3000);
    }
    expect(sim.server.stats.rateLimited, '429 answers').to.equal(0);
  });
});
