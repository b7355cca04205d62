import type { ForeignAllowance } from './origin';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type QueryValue = string | number | boolean | null | undefined | Array<string | number>;

export interface HttpRequest {
  method?: HttpMethod;
  /** A path below the base URL, or an absolute URL (e.g. a `next` link). */
  url: string;
  query?: Record<string, QueryValue>;
  /** JSON body. */
  json?: unknown;
  /** Form-urlencoded body. */
  form?: Record<string, string | undefined>;
  headers?: Record<string, string>;
  /** Send without authentication (token endpoints, pre-signed download URLs). */
  anonymous?: boolean;
  /**
   * Safe to repeat after a 5xx or a network error. Defaults to true for GET, PUT and DELETE.
   * A 429 is always retried: the provider did not process the request.
   */
  idempotent?: boolean;
  responseType?: 'json' | 'text' | 'stream';
  /** Statuses that are answers, not errors (e.g. 404 for a lookup). */
  acceptStatuses?: number[];
  /** The record the request is about, for error messages. */
  recordId?: string;
  /** This request's overall deadline (headers and body), instead of the client's. */
  timeoutMs?: number;
  /**
   * The shape a successful JSON answer must have. Anything else (an empty body, `null`, HTML, a
   * truncated document) is the provider's failure, retried within the budget, never "no data".
   */
  expect?: 'array' | 'object' | BodyCheck;
  /**
   * A foreign host this call may reach because the provider documents it (a pre-signed download).
   * Such a request is sent without credentials; without an allowance only the base URL's origin is reachable.
   */
  allowForeign?: ForeignAllowance;
  /**
   * A token request: never follows a redirect (a 3xx is an AuthenticationError naming the target
   * host), and the tokens of its answer are masked from then on. Set by `anonymousSender`.
   */
  tokenRequest?: boolean;
}

/**
 * A provider's own shape check of a successful JSON answer (run after `inspect`): the problem, in
 * words, or undefined when the body is usable (e.g. "no data.list in the envelope").
 */
export type BodyCheck = (data: unknown) => string | undefined;

export interface HttpResponse<T = unknown> {
  status: number;
  headers: Record<string, string>;
  data: T;
  url: string;
}

/** What a provider's error body says, in its own words. */
export interface ProviderErrorInfo {
  message?: string;
  code?: string | number;
}

export interface RetryPolicy {
  /** Maximum retries of one request. */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the run rebounds instead. */
  maxRetryAfterMs: number;
  /** Total time one request may spend waiting before giving up (then: rebound). */
  budgetMs: number;
  statuses: number[];
}

export const DEFAULT_RETRY: RetryPolicy = {
  retries: 8,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 120_000,
  budgetMs: 180_000,
  statuses: [408, 425, 429, 500, 502, 503, 504],
};
