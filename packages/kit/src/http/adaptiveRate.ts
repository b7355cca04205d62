import { Clock, timing } from '../util/timing';
import { AimdLevel } from './aimd';
import type { RequestGate } from './throttle';
import { Turns } from './turns';

/** How an adaptive rate starts, backs off and recovers (requests per second). */
export interface AdaptiveRateOptions {
  /** The rate the first request runs at (capped by `maxPerSecond`). */
  initialPerSecond?: number;
  /** Never faster than this: a customer's known contract (`maxRequestsPerSecond`). */
  maxPerSecond?: number;
  /** Never slower than this, however many 429s arrive. */
  minPerSecond?: number;
  /** A 429 multiplies the rate by this (0 < factor < 1). */
  backoffFactor?: number;
  /** Each second without a 429 adds this much rate back, up to `maxPerSecond`. */
  recoveryPerSecond?: number;
}

/** Generous: an API without a published limit is not slowed before it says so. */
export const ADAPTIVE_RATE_DEFAULTS: Required<AdaptiveRateOptions> = {
  initialPerSecond: 50,
  maxPerSecond: 1000,
  minPerSecond: 0.5,
  backoffFactor: 0.5,
  recoveryPerSecond: 1,
};

/**
 * A client-side rate for APIs that publish no limit: additive increase, multiplicative decrease
 * (the kit's `AimdLevel`, which published-limit throttles learn with too).
 * Requests are paced at `1000 / rate` ms apart and served in order; a 429 cuts the rate and blocks
 * everyone sharing the rate for the provider's Retry-After (`penalize`); afterwards the rate climbs
 * back linearly with time. The clock is a seam (`clock`, default the kit's `timing.clock`), and the
 * pacing interval follows `timing.intervalScale` like every throttle window (0 = no pacing).
 */
export class AdaptiveRate implements RequestGate {
  private readonly level: AimdLevel;
  private readonly turns = new Turns();
  private lastSlot: number | undefined;
  private blockedUntil = 0;
  /** Total milliseconds callers have waited here. */
  waitedMs = 0;

  constructor(
    options: AdaptiveRateOptions = {},
    private readonly clock: () => Clock = () => timing.clock,
  ) {
    const o = { ...ADAPTIVE_RATE_DEFAULTS, ...definedOnly(options) };
    this.level = new AimdLevel({
      initial: o.initialPerSecond,
      min: o.minPerSecond,
      max: o.maxPerSecond,
      backoffFactor: o.backoffFactor,
      recoveryPerMs: () => o.recoveryPerSecond / 1000,
    });
  }

  /** How many 429s cut the rate (for logs and benchmarks). */
  get cuts(): number {
    return this.level.cuts;
  }

  /** Lowers the cap (a step with a smaller `maxRequestsPerSecond` shares this rate); never raises it. */
  capAt(maxPerSecond: number): void {
    this.level.lowerMax(maxPerSecond);
  }

  /** The current rate in requests per second. */
  rate(at = this.clock().now()): number {
    return this.level.value(at);
  }

  /** Resolves when a request may start; records that start. Returns the milliseconds waited. */
  acquire(): Promise<number> {
    return this.turns.take(() => this.waitForSlot());
  }

  /** A 429: cut the rate, and nobody sharing it starts before `ms` from now (the Retry-After). */
  penalize(ms: number): void {
    const at = this.clock().now();
    this.level.cut(at);
    this.blockedUntil = Math.max(this.blockedUntil, at + ms);
  }

  /**
   * Slots are scheduled (the next one is `1000 / rate` ms after the previous slot), not re-checked
   * against the clock in a loop, so a frozen test clock cannot spin here.
   */
  private async waitForSlot(): Promise<number> {
    const at = this.clock().now();
    const interval = this.lastSlot === undefined ? 0 : (1000 / this.rate(at)) * timing.intervalScale;
    const planned = Math.max(at, this.blockedUntil, (this.lastSlot ?? at) + interval);
    // The awaits stay outside any branch: a wait still pending when a test run ends then leaves
    // V8's block coverage the same shape (an await inside an `if` split its ranges run by run).
    await this.sleepFrom(at, planned);
    // A 429 that arrived while we slept blocks this request too.
    const slot = Math.max(planned, this.blockedUntil);
    await this.sleepFrom(planned, slot);
    this.lastSlot = slot;
    const waited = Math.ceil(slot - at);
    this.waitedMs += waited;
    return waited;
  }

  private sleepFrom(from: number, until: number): Promise<void> {
    return until > from ? this.clock().sleep(Math.ceil(until - from)) : Promise.resolve();
  }
}

function definedOnly(options: AdaptiveRateOptions): AdaptiveRateOptions {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
}

const shared = new Map<string, AdaptiveRate>();

/**
 * One adaptive rate per credential per process, like `sharedThrottle`: every step using the
 * credential learns from the same 429s. Options apply when the key is first used, except that
 * the lowest `maxPerSecond` asked for wins.
 */
export function sharedAdaptiveRate(key: string, options?: AdaptiveRateOptions): AdaptiveRate {
  let rate = shared.get(key);
  if (!rate) {
    rate = new AdaptiveRate(options);
    shared.set(key, rate);
  } else if (options?.maxPerSecond !== undefined) {
    rate.capAt(options.maxPerSecond);
  }
  return rate;
}

/** Forgets all shared adaptive rates (tests, benchmarks; `resetSharedThrottles` calls it). */
export function resetSharedAdaptiveRates(): void {
  shared.clear();
}
