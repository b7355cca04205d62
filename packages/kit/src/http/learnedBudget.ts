import { timing } from '../util/timing';
import { AimdLevel } from './aimd';
import { shareWindows } from './budgetShare';
import type { RateWindow } from './throttle';

/** How a published-limit throttle spends the budget: its share, and whether it learns from 429s. */
export interface BudgetOptions {
  /** This step's part of the published budget (`rateLimitShare`), 0 < share ≤ 1; default 1. */
  share?: number;
  /** Learn from 429s that this throttle's own count does not explain (default true). */
  learn?: boolean;
}

/**
 * A 429 is our own doing when our own earlier starts fill the provider's limit in a window a
 * little longer than ours (2 % plus the throttle's margin: latency and clock skew can make the
 * provider count a request we believe expired). Then the Retry-After pause is all it takes.
 */
const OWN_COUNT_TOLERANCE = 0.02;

/**
 * The part of a customer's published budget one throttle spends. Several containers on one
 * account each have a throttle that believes it owns the budget; the others show up as 429s our
 * own count does not explain. Each such 429 halves this throttle's part (`AimdLevel`, as the
 * adaptive rate of APIs without a published limit), never below one request per window of the
 * largest count; every window without one gives one request per window back, up to the step's
 * share of the published limit. The windows follow the clock compression (`timing.intervalScale`).
 */
export class LearnedBudget {
  private readonly level: AimdLevel | undefined;
  private readonly share: number;

  constructor(
    private readonly published: RateWindow[],
    options: BudgetOptions = {},
  ) {
    this.share = options.share ?? 1;
    if (options.learn === false || published.length === 0) return;
    const widest = published.reduce((a, b) => (b.limit > a.limit ? b : a));
    // One request per window of the widest count, as a part of the share.
    const step = Math.min(1, 1 / (widest.limit * this.share));
    this.level = new AimdLevel({
      initial: 1,
      min: step,
      max: 1,
      backoffFactor: 0.5,
      recoveryPerMs: () => step / (widest.intervalMs * timing.intervalScale),
    });
  }

  /** The windows this throttle keeps at `at`: the published ones cut to the share and to what it learned. */
  windows(at: number): RateWindow[] {
    return shareWindows(this.published, this.share * this.part(at));
  }

  /** The part of the share in use at `at` (1 = all of it). */
  part(at: number): number {
    return this.level?.value(at) ?? 1;
  }

  /** How many 429s cut the budget. */
  get cuts(): number {
    return this.level?.cuts ?? 0;
  }

  /**
   * A 429 at `at` with a pause until `pausedUntil` (the Retry-After), given our own request starts
   * (oldest first, the refused one included): cuts the budget unless our own count explains it.
   * The windows without a refusal that recover it start after the pause. Returns whether it cut.
   */
  refused(at: number, pausedUntil: number, starts: readonly number[], marginMs: number): boolean {
    if (!this.level || this.explainedByOwnCount(at, starts, marginMs)) return false;
    this.level.cut(at, pausedUntil);
    return true;
  }

  private explainedByOwnCount(at: number, starts: readonly number[], marginMs: number): boolean {
    return this.published.some(({ limit, intervalMs }) => {
      const since = at - intervalMs * timing.intervalScale * (1 + OWN_COUNT_TOLERANCE) - 2 * marginMs;
      let own = 0;
      // Not the refused request itself: the latest start, for a client that waits for its answers.
      for (let i = starts.length - 2; i >= 0 && starts[i] > since; i -= 1) own += 1;
      return own >= limit;
    });
  }
}
