import { HttpClient, HttpClientOptions } from '../http/client';
import { AdaptiveRateOptions, sharedAdaptiveRate } from '../http/adaptiveRate';
import { RateWindow, RequestGate, sharedThrottle } from '../http/throttle';
import { Redactor } from '../util/redact';
import type { Config } from './context';
import { readHttpSettings, readRateLimitShare, readRetryOverrides } from './settings';

/** A provider client's HTTP settings; the kit adds what every step's client has. */
export interface StepHttpOptions extends Omit<HttpClientOptions, 'throttle' | 'retry'> {
  /**
   * One budget for every step in this process using the same credential (`key`): the provider's
   * published limits (`windows`), or, for an API that publishes none, an adaptive rate that backs
   * off on 429 and recovers (`adaptive`).
   */
  rateLimit?: { key: string; windows: RateWindow[] } | { key: string; adaptive: AdaptiveRateOptions };
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
    ...(rateLimit ? { throttle: gateFor(rateLimit, readRateLimitShare(cfg)) } : {}),
  });
}

/**
 * The step's gate: an adaptive rate for an API without published limits; otherwise a throttle on
 * the published windows that spends the step's share and learns from 429s (steps with equal
 * shares in one process share one throttle).
 */
function gateFor(rateLimit: NonNullable<StepHttpOptions['rateLimit']>, share: number): RequestGate {
  if ('adaptive' in rateLimit) return sharedAdaptiveRate(rateLimit.key, rateLimit.adaptive);
  if (share >= 1) return sharedThrottle(rateLimit.key, rateLimit.windows);
  return sharedThrottle(`${rateLimit.key}|share=${share}`, rateLimit.windows, { share });
}
