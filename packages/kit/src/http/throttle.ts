import { publishWait } from '../util/metrics';
import { now, timing } from '../util/timing';
import { resetSharedAdaptiveRates } from './adaptiveRate';
import { BudgetOptions, LearnedBudget } from './learnedBudget';
import { Turns } from './turns';

/** What the HTTP client asks of a throttle: wait for a turn, and hear about a 429. */
export interface RequestGate {
  /** Resolves when a request may start; returns the milliseconds waited. */
  acquire(): Promise<number>;
  /** A 429: nobody sharing the gate starts before `ms` from now. */
  penalize(ms: number): void;
}

/** At most `limit` requests in any `intervalMs` window. */
export interface RateWindow {
  limit: number;
  intervalMs: number;
}

/**
 * Proactive client-side throttle: a sliding log of request start times checked against every
 * window (e.g. 1/second and 30/minute). Callers are served in order. It spends the budget fully:
 * a request waits only as long as the tightest window requires, plus a small margin for clock skew
 * between us and the provider. Its part of the budget is the step's share, lowered by what 429s
 * from others spending the same budget taught it (`LearnedBudget`).
 */
export class Throttle implements RequestGate {
  private readonly starts: number[] = [];
  private readonly turns = new Turns();
  private readonly budget: LearnedBudget;
  private blockedUntil = 0;
  /** Total milliseconds callers have waited here. */
  waitedMs = 0;

  constructor(
    /** The provider's published windows. */
    readonly windows: RateWindow[],
    private readonly marginMs = 25,
    options: BudgetOptions = {},
  ) {
    this.budget = new LearnedBudget(windows, options);
  }

  /** How many 429s lowered this throttle's part of the budget. */
  get cuts(): number {
    return this.budget.cuts;
  }

  /** The part of the (shared) budget this throttle spends now: 1 until a 429 taught it otherwise. */
  part(): number {
    return this.budget.part(now());
  }

  /** Resolves when a request may start; records that start. */
  acquire(): Promise<number> {
    return this.turns.take(() => this.waitForSlot());
  }

  /**
   * After a 429, nobody sharing this throttle starts before `ms` from now. A 429 our own count does
   * not explain lowers our part of the budget, once per pause: answers to requests already on
   * their way when the first 429 came teach nothing new.
   */
  penalize(ms: number): void {
    const at = now();
    if (at >= this.blockedUntil) this.budget.refused(at, at + ms, this.starts, this.marginMs);
    this.blockedUntil = Math.max(this.blockedUntil, at + ms);
  }

  private async waitForSlot(): Promise<number> {
    let waited = 0;
    for (;;) {
      const delay = this.delayNeeded(now());
      if (delay <= 0) break;
      await publishWait(now() + delay, this.bindingLimit(now()), () => timing.clock.sleep(delay));
      waited += delay;
    }
    this.starts.push(now());
    // One more than the largest count: enough to tell whether a 429 was our own doing.
    const keep = Math.max(...this.windows.map((w) => w.limit), 1) + 1;
    if (this.starts.length > keep) this.starts.splice(0, this.starts.length - keep);
    this.waitedMs += waited;
    return waited;
  }

  /** The window that holds the next request back, in words ("the 30/min limit"), for progress displays. */
  private bindingLimit(at: number): string {
    let reason = this.blockedUntil > at ? "the provider's Retry-After" : 'the rate limit';
    let longest = this.blockedUntil - at;
    for (const window of this.budget.windows(at)) {
      if (this.starts.length < window.limit) continue;
      const freeAt = this.starts[this.starts.length - window.limit] + window.intervalMs * intervalScale() + this.marginMs;
      if (freeAt - at > longest) {
        longest = freeAt - at;
        reason = `the ${window.limit}/${unit(window.intervalMs)} limit`;
      }
    }
    return reason;
  }

  private delayNeeded(at: number): number {
    let delay = this.blockedUntil - at;
    for (const window of this.budget.windows(at)) {
      const interval = window.intervalMs * intervalScale();
      if (this.starts.length < window.limit) continue;
      const oldestInWindow = this.starts[this.starts.length - window.limit];
      // The margin covers network latency between our send and the provider's count, which a
      // compressed clock does not shorten: it is not scaled.
      const freeAt = oldestInWindow + interval + this.marginMs;
      delay = Math.max(delay, freeAt - at);
    }
    return Math.ceil(delay);
  }
}

function unit(intervalMs: number): string {
  if (intervalMs === 1000) return 's';
  if (intervalMs === 60_000) return 'min';
  if (intervalMs === 3_600_000) return 'h';
  // A window lengthened by a share or a learned budget (1 per 2 s).
  if (intervalMs % 1000 === 0) return `${intervalMs / 1000} s`;
  return `${intervalMs} ms`;
}

function intervalScale(): number {
  return timing.intervalScale;
}

const shared = new Map<string, Throttle>();

/**
 * One throttle per credential per process, so every trigger and action that shares the
 * credentials shares the provider's budget. Options apply when the key is first used.
 */
export function sharedThrottle(key: string, windows: RateWindow[], options?: BudgetOptions & { marginMs?: number }): Throttle {
  let throttle = shared.get(key);
  if (!throttle) {
    throttle = new Throttle(windows, options?.marginMs, options);
    shared.set(key, throttle);
  }
  return throttle;
}

/** Forgets all shared throttles (tests, benchmarks). */
export function resetSharedThrottles(): void {
  shared.clear();
  resetSharedAdaptiveRates();
}
