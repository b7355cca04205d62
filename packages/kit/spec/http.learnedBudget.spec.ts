import { expect } from 'chai';
import { AimdLevel } from '../src/http/aimd';
import { LearnedBudget } from '../src/http/learnedBudget';
import { Throttle, sharedThrottle, resetSharedThrottles } from '../src/http/throttle';
import { timing } from '../src/util/timing';
import { useFakeClock } from './helpers/fakeClock';

const MINUTE = 60_000;
const PER_MINUTE = [{ limit: 30, intervalMs: MINUTE }];

/** Start times of `n` requests through the throttle (the fake clock moves only by the throttle's waits). */
async function starts(throttle: Throttle, clock: () => number, n: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i += 1) {
    await throttle.acquire();
    out.push(clock());
  }
  return out;
}

/** The largest number of `times` inside any window of `ms`. */
function maxInWindow(times: number[], ms: number): number {
  return Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + ms).length));
}

/** How many of `times` fall in the window of `ms` starting at the first. */
function inFirstWindow(times: number[], ms: number): number {
  return times.filter((t) => t < times[0] + ms).length;
}

describe('AimdLevel', () => {
  it('cuts multiplicatively, not below min, and recovers linearly from the given time up to max', () => {
    const level = new AimdLevel({ initial: 1, min: 0.1, max: 1, backoffFactor: 0.5, recoveryPerMs: () => 0.001 });
    expect(level.cut(0, 500)).to.equal(0.5);
    expect(level.value(400), 'no recovery before recoverFrom').to.equal(0.5);
    expect(level.value(600)).to.be.closeTo(0.6, 1e-9);
    expect(level.value(10_000)).to.equal(1);
    for (let i = 0; i < 10; i += 1) level.cut(0);
    expect(level.value(0)).to.equal(0.1);
    expect(level.cuts).to.equal(11);
  });

  it('lowers max but never raises it, and never below min', () => {
    const level = new AimdLevel({ initial: 8, min: 1, max: 8, backoffFactor: 0.5, recoveryPerMs: () => 1 });
    level.lowerMax(4);
    expect(level.value(0)).to.equal(4);
    level.lowerMax(6);
    level.lowerMax(0.5);
    expect(level.max).to.equal(4);
  });
});

describe('Throttle: a published budget learned from 429s (fake clock)', () => {
  const clock = useFakeClock();
  const at = () => clock().now();
  afterEach(() => {
    timing.intervalScale = 1;
    resetSharedThrottles();
  });

  it('halves its part on a 429 its own count does not explain, and waits out the Retry-After', async () => {
    const throttle = new Throttle(PER_MINUTE, 0);
    const before = await starts(throttle, at, 10);
    // 10 of ours in the window: the other 20 the provider counted were someone else's.
    const refusedAt = at();
    throttle.penalize(5000);
    expect(throttle.cuts).to.equal(1);
    expect(throttle.part()).to.equal(0.5);
    const next = await starts(throttle, at, 20);
    expect(next[0], 'the Retry-After is honoured').to.equal(refusedAt + 5000);
    // 15 per minute now, the 10 before the 429 included: 5 go at once, the rest as the window slides.
    expect(maxInWindow([...before, ...next], MINUTE)).to.equal(15);
    expect(next[5]).to.equal(before[0] + MINUTE);
  });

  it('does not cut when its own count explains the 429 (its own requests filled the window)', async () => {
    const throttle = new Throttle(PER_MINUTE, 0);
    await starts(throttle, at, 31);
    // The 31st went out as our window freed; the provider still counted the 1st (latency): ours.
    throttle.penalize(1000);
    expect(throttle.cuts).to.equal(0);
    expect(throttle.part()).to.equal(1);
  });

  it('cuts once per pause: answers to requests already on their way teach nothing new', async () => {
    const throttle = new Throttle(PER_MINUTE, 0);
    await starts(throttle, at, 3);
    throttle.penalize(10_000);
    clock().advance(50);
    throttle.penalize(9_950);
    expect(throttle.cuts).to.equal(1);
    clock().advance(10_000);
    await throttle.acquire();
    throttle.penalize(10_000);
    expect(throttle.cuts, 'a new 429 after the pause cuts again').to.equal(2);
    expect(throttle.part()).to.be.closeTo(0.25, 1e-4);
  });

  it('never goes below one request per window of the largest count', async () => {
    const hard = [
      { limit: 1, intervalMs: 1000 },
      { limit: 30, intervalMs: MINUTE },
    ];
    const throttle = new Throttle(hard, 0);
    await throttle.acquire();
    for (let i = 0; i < 12; i += 1) {
      throttle.penalize(0);
      clock().advance(1);
    }
    expect(throttle.cuts).to.equal(12);
    expect(throttle.part()).to.be.closeTo(1 / 30, 1e-5);
    const budget = new LearnedBudget(hard);
    for (let i = 0; i < 12; i += 1) budget.refused(0, 0, [0], 0);
    // A request a minute (the 1/s window cut alike, to 1 per 30 s): slow, but still moving.
    expect(budget.windows(0)).to.deep.equal([
      { limit: 1, intervalMs: 30_000 },
      { limit: 1, intervalMs: MINUTE },
    ]);
  });

  it('recovers one request per window for every window without a 429 after the pause, up to the published limit', async () => {
    const throttle = new Throttle(PER_MINUTE, 0);
    await throttle.acquire();
    throttle.penalize(2000);
    expect(throttle.part()).to.equal(0.5);
    clock().advance(2000 + MINUTE);
    expect(throttle.part() * 30).to.be.closeTo(16, 1e-9);
    clock().advance(4 * MINUTE);
    expect(throttle.part() * 30).to.be.closeTo(20, 1e-9);
    clock().advance(60 * MINUTE);
    expect(throttle.part()).to.equal(1);
    const times = await starts(throttle, at, 31);
    expect(inFirstWindow(times, MINUTE), 'never above the published 30/min').to.equal(30);
  });

  it('with a share: cuts and recovers within the share, never above it, floor one request per window', async () => {
    const throttle = new Throttle(PER_MINUTE, 0, { share: 0.5 });
    expect(inFirstWindow(await starts(throttle, at, 16), MINUTE)).to.equal(15);
    // Our 16 cannot fill the published 30: a 429 means the shares add up to more than the budget.
    throttle.penalize(0);
    expect(throttle.cuts).to.equal(1);
    clock().advance(2 * MINUTE);
    expect(throttle.part() * 15).to.be.closeTo(7.5 + 2, 1e-9);
    clock().advance(60 * MINUTE);
    expect(throttle.part()).to.equal(1);
    expect(inFirstWindow(await starts(throttle, at, 16), MINUTE), 'back to the share, not above').to.equal(15);
    const budget = new LearnedBudget(PER_MINUTE, { share: 0.5 });
    for (let i = 0; i < 10; i += 1) budget.refused(0, 0, [0], 0);
    expect(budget.windows(0)).to.deep.equal([{ limit: 1, intervalMs: MINUTE }]);
  });

  it('recovery follows compressed windows (timing.intervalScale)', async () => {
    timing.intervalScale = 0.1;
    const throttle = new Throttle(PER_MINUTE, 0);
    await throttle.acquire();
    throttle.penalize(0);
    clock().advance(MINUTE * 0.1);
    expect(throttle.part() * 30).to.be.closeTo(16, 1e-9);
  });

  it('learns nothing with learn: false (it only pauses), and sharedThrottle passes the options on first use', async () => {
    const throttle = sharedThrottle('cred', PER_MINUTE, { learn: false, marginMs: 0 });
    expect(sharedThrottle('cred', PER_MINUTE)).to.equal(throttle);
    await throttle.acquire();
    throttle.penalize(3000);
    expect(throttle.cuts).to.equal(0);
    expect(throttle.part()).to.equal(1);
    expect(await throttle.acquire()).to.equal(3000);
  });
});
