import { metrics, resetSharedThrottles, withTiming } from '@oih-suite/kit/engine';
import type { Cfg, Provider } from './components';
import { loadTrigger } from './components';
import { DiscardingSelf } from './discard';
import { timed } from './measure';

export interface TriggerRun {
  self: DiscardingSelf;
  ms: number;
  requests: number;
  pages: number;
  throttleWaitMs: number;
  retryWaitMs: number;
  retries: number;
}

/**
 * One polling run of a trigger from an empty snapshot, in this process, as the runtime would call
 * it. Throttles start empty each run, so one run's budget does not slow the next.
 */
export async function runTrigger(provider: Provider, trigger: string, cfg: Cfg, keep = 0, countIds = false): Promise<TriggerRun> {
  const mod = loadTrigger(provider, trigger);
  const self = new DiscardingSelf(keep, countIds);
  resetSharedThrottles();
  metrics.reset();
  const { ms } = await timed(() => Promise.resolve(mod.process.call(self, {}, { ...cfg }, {})));
  const failure = self.failure();
  if (failure) throw new Error(`${provider} ${trigger} did not finish: ${failure}`);
  return {
    self,
    ms,
    requests: metrics.requests,
    pages: metrics.pages,
    throttleWaitMs: metrics.throttleWaitMs,
    retryWaitMs: metrics.retryWaitMs,
    retries: metrics.retries,
  };
}

/**
 * Rate limits off on our side as well: the simulator stops answering 429, and a zero interval
 * scale makes the client's proactive throttle windows empty, so only the work itself is timed.
 * Kit waits are compressed ×0.01 too: with no 429s the only ones left are status polls of
 * asynchronous exports (MaestroQA), whose length is the simulator's make-believe job time.
 */
export async function withoutRateLimits<T>(fn: () => Promise<T>): Promise<T> {
  return withTiming({ intervalScale: 0, scale: 0.01 }, fn);
}
