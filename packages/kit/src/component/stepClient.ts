import { HttpClient, HttpClientOptions } from '../http/client';
import { RateWindow, sharedThrottle } from '../http/throttle';
import { Redactor } from '../util/redact';
import type { Config } from './context';
import { readHttpSettings, readRetryOverrides } from './settings';

/** A provider client's HTTP settings; the kit adds what every step's client has. */
export interface StepHttpOptions extends Omit<HttpClientOptions, 'throttle' | 'retry'> {
  /** The provider's published limits, one budget for every step in this process using the same credential (`key`). */
  rateLimit?: { key: string; windows: RateWindow[] };
}

/**
 * The HttpClient of one step: the flow's retry override (`maxRetryWaitSeconds`), its request
 * limits (`requestTimeoutSeconds`, `maxResponseMB`, `allowInsecureHttp`), the shared
 * throttle of its credential, and a redactor that knows every secret of the configuration.
 */
export function stepHttpClient(cfg: Config, options: StepHttpOptions): HttpClient {
  const { rateLimit, redactor, ...rest } = options;
  return new HttpClient({
    ...readHttpSettings(cfg),
    ...rest,
    retry: readRetryOverrides(cfg),
    redactor: redactor ?? new Redactor().addFromConfig(cfg),
    ...(rateLimit ? { throttle: sharedThrottle(rateLimit.key, rateLimit.windows) } : {}),
  });
}
