/**
 * Rate-limit use: a sync against a simulator enforcing the provider's published limits on a
 * compressed clock (the simulator and our throttle compressed alike, so the ratios hold).
 *
 * "Allowed" is the fastest schedule the simulator's limits permit for the same number of
 * requests: each request as early as every window allows (a sliding log lets a full window's
 * worth start at once, so a plain requests-per-minute figure would flatter a short run).
 * Use = allowed elapsed ÷ achieved elapsed, between the first and last accepted request.
 */
import { withTiming } from '@oih-suite/kit/engine';
import type { Cfg, Provider } from '../lib/components';
import { round } from '../lib/measure';
import { runTrigger } from '../lib/runTrigger';
import { stepCfg } from '../lib/profiles';
import { RemoteSimulator } from '../lib/simClient';

export const RATE_GOAL = 0.95;

export interface RateLimitResult {
  provider: string;
  trigger: string;
  intervalScale: number;
  /** The limits, in real (uncompressed) time. */
  limits: string;
  messages: number;
  limitedRequests: number;
  rateLimited: number;
  seconds: number;
  /** Requests per real minute: achieved, and the best the limits allow for this many requests. */
  achievedPerMin: number;
  allowedPerMin: number;
  use: number;
  met: boolean;
  clientThrottleWaitMs: number;
  clientRetries: number;
}

export async function runRateLimit(provider: Provider, trigger: string, records: number, cfg: Cfg, intervalScale: number): Promise<RateLimitResult> {
  const sim = await RemoteSimulator.start(provider, { records, rateLimits: true, intervalScale, seed: 1 });
  try {
    const run = await withTiming({ intervalScale, scale: intervalScale }, () => runTrigger(provider, trigger, stepCfg(provider, trigger, sim, cfg)));
    const stats = await sim.stats();
    if (!stats.windows.length) throw new Error(`${provider} simulator enforces no rate limit`);
    const accepted = stats.decisions.filter((d) => !d.limited).map((d) => d.t);
    const achievedMs = accepted.length > 1 ? accepted[accepted.length - 1] - accepted[0] : 0;
    const allowedMs = fastestSchedule(accepted.length, stats.windows);
    const use = achievedMs > 0 ? round(allowedMs / achievedMs, 3) : 0;
    const realMinute = 60_000 * intervalScale;
    return {
      provider,
      trigger,
      intervalScale,
      limits: stats.windows.map((w) => `${w.limit}/${round(w.intervalMs / intervalScale / 1000, 1)}s`).join(' + '),
      messages: run.self.data,
      limitedRequests: accepted.length,
      rateLimited: stats.decisions.length - accepted.length,
      seconds: round(run.ms / 1000, 1),
      achievedPerMin: achievedMs ? round(((accepted.length - 1) / achievedMs) * realMinute, 1) : 0,
      allowedPerMin: allowedMs ? round(((accepted.length - 1) / allowedMs) * realMinute, 1) : 0,
      use,
      met: use >= RATE_GOAL && stats.decisions.length === accepted.length,
      clientThrottleWaitMs: Math.round(run.throttleWaitMs),
      clientRetries: run.retries,
    };
  } finally {
    await sim.stop();
  }
}

/** Elapsed time from first to last of `n` requests, each started as early as every window allows. */
export function fastestSchedule(n: number, windows: { limit: number; intervalMs: number }[]): number {
  const starts: number[] = [];
  for (let i = 0; i < n; i++) {
    let t = starts.length ? starts[starts.length - 1] : 0;
    for (const w of windows) if (starts.length >= w.limit) t = Math.max(t, starts[starts.length - w.limit] + w.intervalMs);
    starts.push(t);
  }
  return n > 1 ? starts[n - 1] - starts[0] : 0;
}
