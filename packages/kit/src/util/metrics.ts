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
