/**
 * Sync throughput: records per second through a provider's main polling trigger (request,
 * parse, transform, emit) against its simulator with rate limits off. The simulator runs in its
 * own process, like a remote provider would; the trigger runs here as the runtime would call it.
 */
import type { Cfg, Provider } from '../lib/components';
import { perSecond, round } from '../lib/measure';
import { runTrigger, withoutRateLimits } from '../lib/runTrigger';
import { stepCfg } from '../lib/profiles';
import { RemoteSimulator } from '../lib/simClient';

export interface ThroughputResult {
  provider: string;
  trigger: string;
  /** Records the simulator seeded; fewer may fall inside the trigger's window (e.g. Smileback). */
  records: number;
  /** Data messages emitted (records plus tombstones the simulator mixes in). */
  messages: number;
  seconds: number;
  /** Data messages per second. */
  perSec: number;
  requests: number;
  /** Requests per 1,000 messages: the request cost of an initial sync, comparable across sizes. */
  requestsPer1000: number;
  pages: number;
  /** Serialised output, kB per message. */
  kbPerMessage: number;
}

/** Wraps the timed trigger run only (the profiler uses it to leave simulator start-up out). */
export type Around = <T>(fn: () => Promise<T>) => Promise<T>;

export async function runThroughput(
  provider: Provider,
  trigger: string,
  records: number,
  cfg: Cfg = {},
  around: Around = (fn) => fn(),
): Promise<ThroughputResult> {
  const sim = await RemoteSimulator.start(provider, { records, rateLimits: false, seed: 1 });
  try {
    return await withoutRateLimits(async () => {
      const run = await around(() => runTrigger(provider, trigger, stepCfg(provider, trigger, sim, cfg)));
      const messages = run.self.data;
      return {
        provider,
        trigger,
        records,
        messages,
        seconds: round(run.ms / 1000, 2),
        perSec: perSecond(messages, run.ms),
        requests: run.requests,
        requestsPer1000: messages ? round((run.requests * 1000) / messages, 2) : 0,
        pages: run.pages,
        kbPerMessage: messages ? round(run.self.bytes / messages / 1024, 2) : 0,
      };
    });
  } finally {
    await sim.stop();
  }
}

/** A small untimed run first, so the timed runs do not pay for loading and JIT warm-up. */
export async function warmUp(provider: Provider, trigger: string, cfg: Cfg = {}): Promise<void> {
  await runThroughput(provider, trigger, 1000, cfg);
}
