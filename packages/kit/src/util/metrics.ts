/** Counters a run accumulates; the CLI prints them and structured logs carry them. */
export class Metrics {
  requests = 0;
  retries = 0;
  /** Milliseconds spent waiting on 429s, Retry-After and backoff. */
  retryWaitMs = 0;
  /** Milliseconds spent waiting on the proactive throttle. */
  throttleWaitMs = 0;
  pages = 0;
  messages = 0;
  tombstones = 0;
  errors = 0;
  snapshots = 0;

  reset(): void {
    Object.assign(this, new Metrics());
  }

  toJSON(): Record<string, number> {
    return { ...this } as unknown as Record<string, number>;
  }
}

/** Process-wide counters (sailor runs one step per process). */
export const metrics = new Metrics();

/** A wait in progress: until when (the timing clock) and on what. */
export interface WaitInProgress {
  untilMs: number;
  /** What is waited on, e.g. "the 30/min limit" or "a retry". */
  reason: string;
}

/**
 * What the process is waiting on right now. Counters only grow when a wait is over; a progress
 * display reads this to say "waiting 23 s on the 30/min limit" while it lasts.
 */
export const waiting: { current?: WaitInProgress } = {};

/** Runs `sleep` with the wait published in `waiting.current` (cleared afterwards unless replaced). */
export async function publishWait<T>(untilMs: number, reason: string, sleep: () => Promise<T>): Promise<T> {
  const entry: WaitInProgress = { untilMs, reason };
  waiting.current = entry;
  try {
    return await sleep();
  } finally {
    if (waiting.current === entry) waiting.current = undefined;
  }
}
