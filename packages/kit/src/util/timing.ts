import { publishWait } from './metrics';
/**
 * The kit's one seam for time. Production uses the real clock; tests and benchmarks
 * swap in a fake clock or compress waits (`scale` 0.01 turns a 1 s Retry-After into 10 ms).
 */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};

interface Timing {
  clock: Clock;
  /** Multiplies the retry waits the kit makes (backoff and Retry-After). */
  scale: number;
  /**
   * Multiplies the rate-limit windows of throttles (benchmarks compress a 60 s window to 6 s,
   * with the simulator compressed the same way, so the ratios stay true).
   */
  intervalScale: number;
}

export const timing: Timing = { clock: realClock, scale: 1, intervalScale: 1 };

export function now(): number {
  return timing.clock.now();
}

/** Waits `ms` (scaled), published as the wait in progress. Returns the unscaled time waited, for metrics. */
export async function wait(ms: number, reason = 'a retry'): Promise<number> {
  if (ms <= 0) return 0;
  const real = ms * timing.scale;
  await publishWait(now() + real, reason, () => timing.clock.sleep(real));
  return ms;
}

/**
 * A provider's rate-limit window as this process runs it: benchmarks compress windows
 * (`timing.intervalScale`) on both sides, and a wait for "the rest of the minute" must shrink too.
 */
export function rateWindowMs(ms: number): number {
  return ms * timing.intervalScale;
}

/** Runs `fn` with a different clock and scale, restoring the previous ones afterwards. */
export async function withTiming<T>(overrides: Partial<Timing>, fn: () => Promise<T>): Promise<T> {
  const previous = { ...timing };
  Object.assign(timing, overrides);
  try {
    return await fn();
  } finally {
    Object.assign(timing, previous);
  }
}
