import { HttpClient, HttpClientOptions } from '../http/client';
import { shareWindows } from '../http/budgetShare';
import { RateWindow, Throttle, sharedThrottle } from '../http/throttle';
import { Redactor } from '../util/redact';
import type { Config } from './context';
import { readHttpSettings, readRateLimitShare, readRetryOverrides } from './settings';

/** A provider client's HTTP settings; the kit adds what every step's client has. */
export interface StepHttpOptions extends Omit<HttpClientOptions, 'throttle' | 'retry'> {
  /** The provider's published limits, one budget for every step in this process using the same credential (`key`). */
  rateLimit?: { key: string; windows: RateWindow[] };
}

/**
 * The HttpClient of one step: the flow's retry override (`maxRetryWaitSeconds`), its request
 * limits (`requestTimeoutSeconds`, `maxResponseMB`, `allowInsecureHttp`), the shared throttle of
 * its credential (cut to the step's `rateLimitShare` of the budget), and a redactor that knows
 * every secret of the configuration.
 */
export function stepHttpClient(cfg: Config, options: StepHttpOptions): HttpClient {
  const { rateLimit, redactor, ...rest } = options;
  return new HttpClient({
    ...readHttpSettings(cfg),
    ...rest,
    retry: readRetryOverrides(cfg),
    redactor: redactor ?? new Redactor().addFromConfig(cfg),
    ...(rateLimit ? { throttle: throttleFor(rateLimit, readRateLimitShare(cfg)) } : {}),
  });
}

/** The step's throttle: its share of the published windows; steps with equal shares in one process share one. */
function throttleFor(rateLimit: NonNullable<StepHttpOptions['rateLimit']>, share: number): Throttle {
  if (share >= 1) return sharedThrottle(rateLimit.key, rateLimit.windows);
  return sharedThrottle(`${rateLimit.key}|share=${share}`, shareWindows(rateLimit.windows, share));
}
