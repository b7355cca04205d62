/** How an AIMD level starts, backs off and recovers. */
export interface AimdOptions {
  initial: number;
  /** Never below this, however many refusals arrive. */
  min: number;
  /** Never above this (a published limit, a contract, a share). */
  max: number;
  /** A refusal multiplies the level by this (0 < factor < 1). */
  backoffFactor: number;
  /**
   * What each millisecond since the last cut adds back. A function: a throttle's recovery follows
   * its windows, which a compressed clock (`timing.intervalScale`) shortens while the level lives.
   */
  recoveryPerMs: () => number;
}

/**
 * Additive increase, multiplicative decrease of one level (a request rate, a part of a budget):
 * a refusal cuts it by `backoffFactor`, never below `min`; from there it climbs back linearly
 * with time, never above `max`. The time of every reading is the caller's (its clock seam).
 */
export class AimdLevel {
  private readonly options: AimdOptions;
  /** The level right after the last cut, and when its recovery starts. */
  private base: number;
  private cutAt: number | undefined;
  /** How many refusals cut the level (for logs and benchmarks). */
  cuts = 0;

  constructor(options: AimdOptions) {
    const { backoffFactor, min } = options;
    if (!(backoffFactor > 0 && backoffFactor < 1)) throw new RangeError(`backoffFactor must be between 0 and 1, got ${backoffFactor}`);
    const max = Math.max(options.max, min);
    this.options = { ...options, max };
    this.base = Math.min(max, Math.max(min, options.initial));
  }

  get max(): number {
    return this.options.max;
  }

  /** The level at `at`. */
  value(at: number): number {
    const elapsed = this.cutAt === undefined ? 0 : at - this.cutAt;
    // Guarded: an infinite recovery (windows switched off) times zero elapsed time is not a level.
    if (elapsed <= 0) return this.base;
    return Math.min(this.options.max, this.base + this.options.recoveryPerMs() * elapsed);
  }

  /**
   * A refusal at `at`: the level drops by the backoff factor (not below `min`) and climbs back from
   * `recoverFrom` on (default `at`; a throttle paused by Retry-After counts from the pause's end).
   * Returns the new level.
   */
  cut(at: number, recoverFrom = at): number {
    this.base = Math.max(this.options.min, this.value(at) * this.options.backoffFactor);
    this.cutAt = Math.max(at, recoverFrom);
    this.cuts += 1;
    return this.base;
  }

  /** Lowers `max` (never raises it, never below `min`); the level follows it down. */
  lowerMax(max: number): void {
    if (!(max >= this.options.min) || max >= this.options.max) return;
    this.options.max = max;
    this.base = Math.min(this.base, max);
  }
}
