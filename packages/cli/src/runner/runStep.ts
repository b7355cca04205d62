import { metrics } from '@oih-suite/kit/engine';
import { ReboundError } from '../errors';
import type { ProcessFunction } from '../workspace';
import { CliSelf, EmitHandlers, LogLine } from './self';

export interface StepCounters {
  messages: number;
  tombstones: number;
  errors: number;
  pages: number;
  requests: number;
  retries: number;
  /** Time spent waiting on 429s/Retry-After/backoff plus the proactive throttle, in ms. */
  rateLimitWaitMs: number;
  snapshots: number;
  durationMs: number;
}

export interface StepOutcome {
  counters: StepCounters;
  /** Set when the run stopped because `limit` messages were emitted. */
  limited: boolean;
  /** The error emitted with `error` (actions reporting a failed record) or thrown. */
  error?: unknown;
  lastSnapshot?: unknown;
}

export interface StepRun {
  process: ProcessFunction;
  msg: unknown;
  cfg: Record<string, unknown>;
  snapshot?: unknown;
  handlers: EmitHandlers;
  onLog?(line: LogLine): void;
  /** Stop after this many data messages (tombstones count too: they are messages in the flow). */
  limit?: number;
}

/** Thrown from `emit` to end a run early at --limit; recognised (and swallowed) by runStep. */
class LimitReached extends Error {
  constructor() {
    super('CLI --limit reached');
  }
}

/**
 * Calls a component's `process` exactly as sailor/ferryman do and measures it with the kit's
 * process-wide metrics (a difference, so consecutive steps of the demo are counted apart).
 * A `rebound` becomes a ReboundError, a thrown error is rethrown: the caller decides the exit.
 */
export async function runStep(run: StepRun): Promise<StepOutcome> {
  const before = { ...metrics.toJSON() };
  const started = Date.now();
  let emitted = 0;
  let limited = false;
  let rebound: unknown;
  let lastSnapshot: unknown;
  const handlers: EmitHandlers = {
    ...run.handlers,
    data: async (message) => {
      // Stop before the message past the limit: the snapshot on disk then still describes only
      // complete pages, so the next run re-reads the rest of the page (at-least-once, as the runtime).
      if (run.limit !== undefined && emitted >= run.limit) {
        limited = true;
        throw new LimitReached();
      }
      emitted += 1;
      await run.handlers.data?.(message);
    },
    snapshot: async (snapshot) => {
      lastSnapshot = snapshot;
      await run.handlers.snapshot?.(snapshot);
    },
    rebound: async (error) => {
      rebound = error;
      await run.handlers.rebound?.(error);
    },
  };
  const onLog = (line: LogLine) => {
    // The kit logs our own stop signal as a failure; it is not one.
    if (limited && JSON.stringify(line.fields ?? {}).includes('CLI --limit reached')) return;
    run.onLog?.(line);
  };
  const self = new CliSelf(handlers, onLog);
  let error: unknown;
  try {
    await run.process.call(self, run.msg, run.cfg, run.snapshot ?? {});
  } catch (thrown) {
    // Once the limit was hit, what comes back is our own stop signal (possibly wrapped by the component).
    if (!limited) error = thrown;
  }
  const after = metrics.toJSON();
  const diff = (key: string) => (after[key] ?? 0) - (before[key] ?? 0);
  const counters: StepCounters = {
    messages: diff('messages'),
    tombstones: diff('tombstones'),
    errors: diff('errors'),
    pages: diff('pages'),
    requests: diff('requests'),
    retries: diff('retries'),
    rateLimitWaitMs: diff('retryWaitMs') + diff('throttleWaitMs'),
    snapshots: diff('snapshots'),
    durationMs: Date.now() - started,
  };
  if (!error && rebound) error = new ReboundError(rebound instanceof Error ? rebound.message : String(rebound));
  return { counters, limited, error, lastSnapshot };
}
