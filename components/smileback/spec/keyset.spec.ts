import { expect } from 'chai';
import { RecordingSelf } from '@oih-suite/kit/testing';
import { SmilebackSimulator, startSimulator } from '../simulator';
import trigger from '../lib/triggers/getReviewsPolling';

/** Modifies reviews already emitted as soon as the first page is done, as a busy account would mid-sync. */
class BusyAccountSelf extends RecordingSelf {
  constructor(private readonly onFirstSnapshot: () => void) {
    super();
  }
  override async emit(event: string, payload?: unknown): Promise<void> {
    await super.emit(event, payload);
    if (event === 'snapshot' && this.snapshots.length === 1) this.onFirstSnapshot();
  }
}

describe('smileback getReviewsPolling: reviews modified during a long sync', () => {
  let sim: SmilebackSimulator;
  beforeEach(async () => {
    sim = await startSimulator({ rateLimits: false });
    sim.store.clear();
  });
  afterEach(() => sim.stop());

  it('every review is emitted once, and the modified ones by the next run: offsets shifted by the move would have skipped two', async () => {
    const start = Date.UTC(2025, 0, 1);
    const ids = Array.from({ length: 50 }, (_, i) => sim.store.addReview({ rating: 1 }, (start + i * 1000) * 1000).id);
    const self = new BusyAccountSelf(() => {
      // Two reviews of the first page move to the end of the list.
      sim.store.updateReview(ids[0], { comment: 'edited during the sync' });
      sim.store.updateReview(ids[3], { comment: 'edited during the sync' });
    });
    await trigger.process.call(self, {}, { ...sim.cfg, safetyLagSeconds: 0, pageSize: 10, startTime: '2024-12-31T00:00:00Z' }, {});
    const idsOf = (s: RecordingSelf) => s.data.map((m) => Number((m.metadata as { recordUid: string }).recordUid));
    expect(idsOf(self)).to.deep.equal(ids);
    // Each page starts at the newest time of the one before (one review read at it), not at an offset into the list.
    const pages = sim.server.requests.filter((r) => r.path === '/api/v3/reviews/');
    expect(pages.map((r) => r.query.offset ?? '0')).to.deep.equal(['0', '1', '1', '1', '1', '1']);
    // Modified after the run's fixed upper bound: the next run has them.
    const next = new RecordingSelf();
    await trigger.process.call(next, {}, { ...sim.cfg, safetyLagSeconds: 0, pageSize: 10 }, self.snapshots.at(-1));
    expect(idsOf(next)).to.deep.equal([ids[0], ids[3]]);
  });
});
