import { expect } from 'chai';
import nock from 'nock';
import { readRateLimitShare } from '../src/component/settings';
import { shareWindows } from '../src/http/budgetShare';
import { HttpClient } from '../src/http/client';
import { observeProviderDate, resetProviderClocks, slowestProviderOffsetMs } from '../src/http/providerClock';
import { upperBound } from '../src/polling/upperBound';
import { realClock, timing } from '../src/util/timing';

const NOW = Date.parse('2026-03-01T12:00:00.000Z');
const httpDate = (ms: number) => new Date(ms).toUTCString();

describe('safety lag: the upper bound', () => {
  beforeEach(() => {
    resetProviderClocks();
    timing.clock = { now: () => NOW, sleep: (ms) => realClock.sleep(ms) };
  });
  afterEach(() => {
    timing.clock = realClock;
    resetProviderClocks();
  });

  it('stays the lag behind now; 0 keeps the bound at now', () => {
    expect(upperBound({ safetyLagMs: 60_000 }, 1)).to.equal(NOW - 60_000 - 1);
    expect(upperBound({ safetyLagMs: 0 }, 1)).to.equal(NOW - 1);
    expect(upperBound({}, 1)).to.equal(NOW - 1);
    // Whole-second stamps: the bound ends a second.
    expect(upperBound({ safetyLagMs: 60_500 }, 1000)).to.equal(NOW - 61_000 - 1);
    // endTime still caps it.
    expect(upperBound({ safetyLagMs: 60_000, endTime: NOW - 3_600_000 }, 1)).to.equal(NOW - 3_600_000);
  });

  it('follows a provider clock behind ours (its Date header), never one ahead, and ignores it without a lag', () => {
    observeProviderDate('https://api.example.com/v1/items?page=2', httpDate(NOW - 20_000), NOW);
    observeProviderDate('https://auth.example.com/token', httpDate(NOW + 30_000), NOW);
    expect(slowestProviderOffsetMs()).to.equal(-20_000);
    expect(upperBound({ safetyLagMs: 60_000 }, 1)).to.equal(NOW - 80_000 - 1);
    expect(upperBound({ safetyLagMs: 0 }, 1)).to.equal(NOW - 1);
    // The latest header of an origin counts: the clock was corrected.
    observeProviderDate('https://api.example.com/v1/other', httpDate(NOW - 2_000), NOW);
    expect(upperBound({ safetyLagMs: 60_000 }, 1)).to.equal(NOW - 62_000 - 1);
  });

  it('a missing, malformed or implausible Date header (a day off: broken or long cached) changes nothing', () => {
    observeProviderDate('https://api.example.com/', undefined, NOW);
    observeProviderDate('https://api.example.com/', 'yesterday-ish', NOW);
    observeProviderDate('https://api.example.com/', httpDate(NOW - 2 * 86_400_000), NOW);
    observeProviderDate('not a url', httpDate(NOW - 5_000), NOW);
    expect(slowestProviderOffsetMs()).to.equal(0);
  });

  it('the HttpClient reads the Date header of every response', async () => {
    nock('https://api.example.com')
      .get('/v1/items')
      .reply(200, [], { Date: httpDate(NOW - 7_000) });
    await new HttpClient({ baseUrl: 'https://api.example.com/v1' }).request({ url: 'items' });
    expect(nock.isDone()).to.equal(true);
    expect(slowestProviderOffsetMs()).to.equal(-7_000);
  });
});

describe('rateLimitShare: a step spends its part of the budget', () => {
  it('cuts every window to the share, lengthening the interval where the count cannot be split', () => {
    expect(shareWindows([{ limit: 30, intervalMs: 60_000 }], 0.5)).to.deep.equal([{ limit: 15, intervalMs: 60_000 }]);
    expect(shareWindows([{ limit: 1, intervalMs: 1000 }], 0.5)).to.deep.equal([{ limit: 1, intervalMs: 2000 }]);
    expect(shareWindows([{ limit: 30, intervalMs: 60_000 }], 1 / 3)).to.deep.equal([{ limit: 10, intervalMs: 60_000 }]);
    // Rounded down within the provider's interval: 13 per 57.8 s would let 26 into one minute.
    expect(shareWindows([{ limit: 30, intervalMs: 60_000 }], 0.45)).to.deep.equal([{ limit: 13, intervalMs: 60_000 }]);
    expect(shareWindows([{ limit: 10, intervalMs: 1000 }], 0.05)).to.deep.equal([{ limit: 1, intervalMs: 2000 }]);
    const windows = [{ limit: 30, intervalMs: 60_000 }];
    expect(shareWindows(windows, 1)).to.equal(windows);
    expect(readRateLimitShare({})).to.equal(1);
    expect(readRateLimitShare({ rateLimitShare: '0.25' })).to.equal(0.25);
    expect(readRateLimitShare({ rateLimitShare: 1 })).to.equal(1);
    // Strict decimal notation, as every other number field: hex, exponents and arrays are refused.
    for (const bad of [0, -0.5, 1.5, 'half', true, '0x1', '1e-1', [0.5], ' ', Infinity]) {
      expect(() => readRateLimitShare({ rateLimitShare: bad })).to.throw(/^rateLimitShare: must be a fraction/);
    }
  });
});
