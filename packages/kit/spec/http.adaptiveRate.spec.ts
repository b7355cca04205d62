import { expect } from 'chai';
import nock from 'nock';
import { AdaptiveRate, resetSharedAdaptiveRates, sharedAdaptiveRate } from '../src/http/adaptiveRate';
import { HttpClient } from '../src/http/client';
import { resetSharedThrottles } from '../src/http/throttle';
import { timing } from '../src/util/timing';
import { FakeClock } from './helpers/fakeClock';

const BASE = 'https://api.example.test';

/** Gaps in ms between consecutive request starts. */
async function gaps(rate: AdaptiveRate, clock: FakeClock, n: number): Promise<number[]> {
  const starts: number[] = [];
  for (let i = 0; i < n; i += 1) {
    await rate.acquire();
    starts.push(clock.now());
  }
  return starts.slice(1).map((t, i) => t - starts[i]);
}

describe('AdaptiveRate (fake clock)', () => {
  let clock: FakeClock;
  const seam = () => clock;
  beforeEach(() => {
    clock = new FakeClock(0);
  });
  afterEach(() => {
    resetSharedAdaptiveRates();
    nock.cleanAll();
  });

  it('paces requests at the initial rate, first one at once', async () => {
    const rate = new AdaptiveRate({ initialPerSecond: 20 }, seam);
    expect(await rate.acquire()).to.equal(0);
    expect(await gaps(rate, clock, 5)).to.deep.equal([50, 50, 50, 50]);
  });

  it('starts generous by default and never above maxPerSecond', () => {
    expect(new AdaptiveRate({}, seam).rate()).to.equal(50);
    expect(new AdaptiveRate({ maxPerSecond: 4 }, seam).rate()).to.equal(4);
  });

  it('halves the rate on a 429, blocks for the Retry-After, then recovers additively up to the cap', async () => {
    const rate = new AdaptiveRate({ initialPerSecond: 40, maxPerSecond: 40, recoveryPerSecond: 2 }, seam);
    await rate.acquire();
    rate.penalize(3000);
    expect(rate.rate()).to.equal(20);
    expect(rate.cuts).to.equal(1);
    expect(await rate.acquire()).to.equal(3000);
    // 3 s after the cut: 20 + 3 × 2 = 26 requests/second.
    expect(rate.rate()).to.equal(26);
    clock.advance(7000);
    expect(rate.rate()).to.equal(40);
    clock.advance(60_000);
    expect(rate.rate()).to.equal(40);
  });

  it('cuts again on every 429 but not below minPerSecond', () => {
    const rate = new AdaptiveRate({ initialPerSecond: 8, minPerSecond: 1 }, seam);
    for (let i = 0; i < 10; i += 1) rate.penalize(0);
    expect(rate.rate()).to.equal(1);
  });

  it('does not pace when throttle windows are switched off (intervalScale 0)', async () => {
    const previous = timing.intervalScale;
    timing.intervalScale = 0;
    try {
      const rate = new AdaptiveRate({ initialPerSecond: 1 }, seam);
      expect(await gaps(rate, clock, 4)).to.deep.equal([0, 0, 0]);
    } finally {
      timing.intervalScale = previous;
    }
  });

  it('rejects a backoff factor outside (0, 1)', () => {
    expect(() => new AdaptiveRate({ backoffFactor: 1 }, seam)).to.throw(RangeError, /backoffFactor/);
  });

  it('is shared per credential key; the lowest cap asked for wins; resetSharedThrottles forgets it', () => {
    const a = sharedAdaptiveRate('cred-1', { initialPerSecond: 30 });
    expect(sharedAdaptiveRate('cred-1')).to.equal(a);
    expect(sharedAdaptiveRate('cred-2')).to.not.equal(a);
    sharedAdaptiveRate('cred-1', { maxPerSecond: 5 });
    expect(a.rate()).to.equal(5);
    sharedAdaptiveRate('cred-1', { maxPerSecond: 50 });
    expect(a.rate()).to.equal(5);
    resetSharedThrottles();
    expect(sharedAdaptiveRate('cred-1')).to.not.equal(a);
  });

  it('learns from the HTTP client: a 429 with Retry-After cuts the rate and delays the retry', async () => {
    const previous = timing.clock;
    timing.clock = clock;
    try {
      const rate = new AdaptiveRate({ initialPerSecond: 10 });
      const http = new HttpClient({ baseUrl: BASE, provider: 'Example', throttle: rate });
      const scope = nock(BASE).get('/items').reply(429, '', { 'Retry-After': '2' }).get('/items').reply(200, { ok: 1 });
      const started = clock.now();
      const response = await http.request({ url: '/items' });
      expect(response.data).to.deep.equal({ ok: 1 });
      expect(rate.cuts).to.equal(1);
      expect(clock.now() - started).to.be.at.least(2000);
      expect(rate.rate()).to.be.below(10);
      scope.done();
    } finally {
      timing.clock = previous;
    }
  });
});
