import { HttpClient, HttpClientOptions } from '../http/client';
import { AdaptiveRateOptions, sharedAdaptiveRate } from '../http/adaptiveRate';
import { RateWindow, RequestGate, sharedThrottle } from '../http/throttle';
import { Redactor } from '../util/redact';
import type { Config } from './context';
import { readRetryOverrides } from './settings';

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
 * The HttpClient of one step: the flow's retry override (`maxRetryWaitSeconds`), the shared
 * throttle of its credential, and a redactor that knows every secret of the configuration.
 */
export function stepHttpClient(cfg: Config, options: StepHttpOptions): HttpClient {
  const { rateLimit, redactor, ...rest } = options;
  return new HttpClient({
    ...rest,
    retry: readRetryOverrides(cfg),
    redactor: redactor ?? new Redactor().addFromConfig(cfg),
    ...(rateLimit ? { throttle: gateFor(rateLimit) } : {}),
  });
}

function gateFor(rateLimit: NonNullable<StepHttpOptions['rateLimit']>): RequestGate {
  return 'adaptive' in rateLimit ? sharedAdaptiveRate(rateLimit.key, rateLimit.adaptive) : sharedThrottle(rateLimit.key, rateLimit.windows);
}
