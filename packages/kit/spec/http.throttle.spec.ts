import { expect } from 'chai';
import { Throttle, resetSharedThrottles, sharedThrottle } from '../src/http/throttle';
import { timing } from '../src/util/timing';
import type { Clock } from '../src/util/timing';
import { FakeClock } from './helpers/fakeClock';

const WINDOWS = [
  { limit: 1, intervalMs: 1000 },
  { limit: 30, intervalMs: 60_000 },
];

/** The largest number of starts inside any window of `interval` ms. */
function maxInWindow(starts: number[], interval: number): number {
  let max = 0;
  for (let i = 0; i < starts.length; i += 1) {
    let n = 0;
    for (let j = i; j < starts.length && starts[j] < starts[i] + interval; j += 1) n += 1;
    max = Math.max(max, n);
  }
  return max;
}

describe('Throttle (fake clock)', () => {
  let clock: FakeClock;
  let previous: Clock;
  beforeEach(() => {
    previous = timing.clock;
    clock = new FakeClock(0);
    timing.clock = clock;
  });
  afterEach(() => {
    timing.clock = previous;
  });

  it('never starts 2 requests in one second or 31 in one minute, and spends the budget fully', async () => {
    const throttle = new Throttle(WINDOWS);
    const starts: number[] = [];
    for (let i = 0; i < 65; i += 1) {
      await throttle.acquire();
      starts.push(clock.now());
    }
    expect(maxInWindow(starts, 1000)).to.equal(1);
    expect(maxInWindow(starts, 60_000)).to.equal(30);
    // The first 30 go out about once a second (plus the small skew margin): within ~30 s.
    expect(starts[29]).to.be.below(30_000);
    // The 31st waits for the minute window of the first, and no longer than the margin after it.
    expect(starts[30]).to.be.within(60_000, 60_100);
    expect(throttle.waitedMs).to.equal(starts[64]);
  });

  it('serves callers in the order they asked (FIFO)', async () => {
    const throttle = new Throttle([{ limit: 1, intervalMs: 1000 }]);
    const order: number[] = [];
    await Promise.all(Array.from({ length: 6 }, (_, i) => throttle.acquire().then(() => order.push(i))));
    expect(order).to.deep.equal([0, 1, 2, 3, 4, 5]);
  });

  it('penalize holds everyone back after a 429', async () => {
    const throttle = new Throttle([{ limit: 100, intervalMs: 1000 }]);
    await throttle.acquire();
    throttle.penalize(5000);
    const waited = await throttle.acquire();
    expect(waited).to.equal(5000);
    expect(clock.now()).to.equal(5000);
    throttle.penalize(1000);
    clock.advance(2000);
    expect(await throttle.acquire(), 'a penalty already served costs nothing').to.equal(0);
  });

  it('compresses windows with timing.intervalScale', async () => {
    timing.intervalScale = 0.1;
    try {
      const throttle = new Throttle([{ limit: 1, intervalMs: 1000 }], 0);
      await throttle.acquire();
      expect(await throttle.acquire()).to.equal(100);
    } finally {
      timing.intervalScale = 1;
    }
  });

  it('shares one throttle per key', () => {
    resetSharedThrottles();
    const a = sharedThrottle('cred-a', WINDOWS);
    expect(sharedThrottle('cred-a', WINDOWS)).to.equal(a);
    expect(sharedThrottle('cred-b', WINDOWS)).not.to.equal(a);
    resetSharedThrottles();
    expect(sharedThrottle('cred-a', WINDOWS)).not.to.equal(a);
  });
});
