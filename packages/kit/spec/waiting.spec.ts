import { expect } from 'chai';
import { Throttle } from '../src/http/throttle';
import { waiting, WaitInProgress } from '../src/util/metrics';
import { timing, wait } from '../src/util/timing';
import type { Clock } from '../src/util/timing';
import { FakeClock } from './helpers/fakeClock';

/** A fake clock that notes what `waiting.current` said at the start of every sleep. */
class ObservingClock extends FakeClock {
  readonly seen: (WaitInProgress | undefined)[] = [];
  override async sleep(ms: number): Promise<void> {
    this.seen.push(waiting.current && { ...waiting.current });
    await super.sleep(ms);
  }
}

describe('waiting: the wait in progress is published while it lasts', () => {
  let clock: ObservingClock;
  let previous: Clock;
  beforeEach(() => {
    previous = timing.clock;
    clock = new ObservingClock(0);
    timing.clock = clock;
  });
  afterEach(() => {
    timing.clock = previous;
  });

  it('the throttle names the window that holds the request back, and clears it afterwards', async () => {
    const throttle = new Throttle([
      { limit: 1, intervalMs: 1000 },
      { limit: 2, intervalMs: 60_000 },
    ]);
    for (let i = 0; i < 3; i += 1) await throttle.acquire();
    const reasons = clock.seen.map((s) => s?.reason);
    expect(reasons).to.deep.equal(['the 1/s limit', 'the 2/min limit']);
    // Until = the clock at the start of the wait plus the wait.
    expect(clock.seen[1]!.untilMs).to.equal(clock.now());
    expect(waiting.current).to.equal(undefined);
  });

  it('a retry wait says so, until when, and clears it', async () => {
    clock.time = 5000;
    expect(await wait(2500)).to.equal(2500);
    expect(clock.seen).to.deep.equal([{ untilMs: 7500, reason: 'a retry' }]);
    await wait(100, 'the export to be ready');
    expect(clock.seen[1]!.reason).to.equal('the export to be ready');
    expect(waiting.current).to.equal(undefined);
  });
});
