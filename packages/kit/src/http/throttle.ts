import { publishWait } from '../util/metrics';
import { now, timing } from '../util/timing';
import { resetSharedAdaptiveRates } from './adaptiveRate';
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
 * between us and the provider.
 */
export class Throttle implements RequestGate {
  private readonly starts: number[] = [];
  private readonly turns = new Turns();
  private blockedUntil = 0;
  /** Total milliseconds callers have waited here. */
  waitedMs = 0;

  constructor(
    readonly windows: RateWindow[],
    private readonly marginMs = 25,
  ) {}

  /** Resolves when a request may start; records that start. */
  acquire(): Promise<number> {
    return this.turns.take(() => this.waitForSlot());
  }

  /** After a 429, nobody sharing this throttle starts before `ms` from now. */
  penalize(ms: number): void {
    this.blockedUntil = Math.max(this.blockedUntil, now() + ms);
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
    const keep = Math.max(...this.windows.map((w) => w.limit), 1);
    if (this.starts.length > keep) this.starts.splice(0, this.starts.length - keep);
    this.waitedMs += waited;
    return waited;
  }

  /** The window that holds the next request back, in words ("the 30/min limit"), for progress displays. */
  private bindingLimit(at: number): string {
    let reason = this.blockedUntil > at ? "the provider's Retry-After" : 'the rate limit';
    let longest = this.blockedUntil - at;
    for (const window of this.windows) {
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
    for (const window of this.windows) {
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
  return `${intervalMs} ms`;
}

function intervalScale(): number {
  return timing.intervalScale;
}

const shared = new Map<string, Throttle>();

/**
 * One throttle per credential per process, so every trigger and action that shares the
 * credentials shares the provider's budget.
 */
export function sharedThrottle(key: string, windows: RateWindow[], marginMs?: number): Throttle {
  let throttle = shared.get(key);
  if (!throttle) {
    throttle = new Throttle(windows, marginMs);
    shared.set(key, throttle);
  }
  return throttle;
}

/** Forgets all shared throttles (tests, benchmarks). */
export function resetSharedThrottles(): void {
  shared.clear();
  resetSharedAdaptiveRates();
}
