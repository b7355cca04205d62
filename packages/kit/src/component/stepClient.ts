import { HttpClient, HttpClientOptions } from '../http/client';
import { shareWindows } from '../http/budgetShare';
import { RateWindow, sharedThrottle } from '../http/throttle';
import { Redactor } from '../util/redact';
import type { Config } from './context';
import { readRateLimitShare, readRetryOverrides } from './settings';

/** A provider client's HTTP settings; the kit adds what every step's client has. */
export interface StepHttpOptions extends Omit<HttpClientOptions, 'throttle' | 'retry'> {
  /** The provider's published limits, one budget for every step in this process using the same credential (`key`). */
  rateLimit?: { key: string; windows: RateWindow[] };
}

/**
 * The HttpClient of one step: the flow's retry override (`maxRetryWaitSeconds`), the shared
 * throttle of its credential (cut to the step's `rateLimitShare` of the budget), and a redactor
 * that knows every secret of the configuration.
 */
export function stepHttpClient(cfg: Config, options: StepHttpOptions): HttpClient {
  const { rateLimit, redactor, ...rest } = options;
  const share = readRateLimitShare(cfg);
  // Steps with different shares in one process keep their own budgets; equal ones share one.
  const throttle =
    rateLimit &&
    (share < 1
      ? sharedThrottle(`${rateLimit.key}|share=${share}`, shareWindows(rateLimit.windows, share))
      : sharedThrottle(rateLimit.key, rateLimit.windows));
  return new HttpClient({
    ...rest,
    retry: readRetryOverrides(cfg),
    redactor: redactor ?? new Redactor().addFromConfig(cfg),
    ...(throttle ? { throttle } : {}),
  });
}
