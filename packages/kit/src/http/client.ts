import axios, { AxiosError, AxiosInstance, AxiosResponse } from 'axios';
import { AuthenticationError, ConnectorError, ProviderError, RateLimitError, TransientError } from '../errors';
import { Log, silentLogger } from '../util/logger';
import { metrics } from '../util/metrics';
import { Redactor, isSecretKey } from '../util/redact';
import { now, timing, wait } from '../util/timing';
import type { AuthStrategy, UnauthenticatedSender } from './auth';
import { backoffMs, retryAfterMs } from './retryTiming';
import type { RequestGate } from './throttle';
import { DEFAULT_RETRY, HttpRequest, HttpResponse, ProviderErrorInfo, QueryValue, RetryPolicy } from './types';

export interface HttpClientOptions {
  baseUrl: string;
  auth?: AuthStrategy;
  throttle?: RequestGate;
  retry?: Partial<RetryPolicy>;
  redactor?: Redactor;
  log?: Log;
  /** Reads the provider's error body. */
  describeError?: (status: number, body: unknown) => ProviderErrorInfo | undefined;
  /** A 429 without Retry-After: how long the body says to wait (e.g. "past minute"). */
  retryAfterFromBody?: (body: unknown) => number | undefined;
  /**
   * Looks at a successful response: throws a business error carried in a 200 body, or returns
   * 'unauthorized' when the body says the token expired.
   */
  inspect?: (response: HttpResponse) => void | 'unauthorized';
  /** Name of the provider in error messages. */
  provider?: string;
  timeoutMs?: number;
}

/** Where the last attempt ended, for the decision to retry. */
type Outcome = { kind: 'response'; response: AxiosResponse } | { kind: 'network'; error: AxiosError };

/**
 * The one HTTP client every provider uses: authentication, proactive throttling, retries
 * honouring Retry-After with capped backoff and a total wait budget, one token renewal on 401,
 * precise errors with secrets removed.
 */
export class HttpClient {
  private readonly axios: AxiosInstance;
  private readonly retry: RetryPolicy;
  readonly redactor: Redactor;
  private readonly log: Log;

  constructor(private readonly options: HttpClientOptions) {
    this.axios = axios.create({ timeout: options.timeoutMs ?? 60_000, maxRedirects: 5 });
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.redactor = options.redactor ?? new Redactor();
    this.log = options.log ?? new Log(silentLogger, this.redactor);
  }

  get baseUrl(): string {
    return this.options.baseUrl;
  }

  async request<T = unknown>(request: HttpRequest): Promise<HttpResponse<T>> {
    const method = request.method ?? 'GET';
    const idempotent = request.idempotent ?? method !== 'POST';
    let attempt = 0;
    let waitedMs = 0;
    let renewed = false;
    for (;;) {
      if (this.options.throttle) metrics.throttleWaitMs += await this.options.throttle.acquire();
      const authHeaders = await this.authHeaders(request);
      const outcome = await this.send(request, authHeaders);
      metrics.requests += 1;

      if (outcome.kind === 'response') {
        const response = toResponse<T>(outcome.response);
        const status = response.status;
        const ok = (status >= 200 && status < 300) || request.acceptStatuses?.includes(status);
        const verdict = ok ? this.options.inspect?.(response) : undefined;
        const unauthorized = status === 401 || verdict === 'unauthorized';
        if (unauthorized && !request.anonymous && this.options.auth?.renew && !renewed) {
          renewed = true;
          if (await this.options.auth.renew(this.anonymousSender, authHeaders)) {
            this.log.info('Access token renewed after 401', { url: this.safeUrl(request.url) });
            continue;
          }
        }
        if (ok && !unauthorized) return response;
        if (!unauthorized && this.retry.statuses.includes(status) && (status === 429 || idempotent)) {
          const hinted = retryAfterMs(response.headers, now()) ?? (status === 429 ? this.options.retryAfterFromBody?.(response.data) : undefined);
          const delay = hinted ?? backoffMs(attempt, this.retry.baseDelayMs, this.retry.maxDelayMs);
          const giveUp =
            attempt >= this.retry.retries || waitedMs + delay > this.retry.budgetMs || (hinted !== undefined && hinted > this.retry.maxRetryAfterMs);
          if (!giveUp) {
            // The penalty lasts as long as our own wait really does (tests shrink waits with timing.scale).
            if (status === 429) this.options.throttle?.penalize(delay * timing.scale);
            this.log.warn('Retrying after provider asked to wait', { status, attempt: attempt + 1, waitMs: delay, url: this.safeUrl(request.url) });
            metrics.retries += 1;
            metrics.retryWaitMs += await wait(delay);
            waitedMs += delay;
            attempt += 1;
            continue;
          }
          throw this.errorFor(request, response, { waitedMs, retryAfterMs: hinted });
        }
        throw this.errorFor(request, response, { waitedMs, unauthorized });
      }

      const code = outcome.error.code ?? 'network error';
      if (idempotent) {
        const delay = backoffMs(attempt, this.retry.baseDelayMs, this.retry.maxDelayMs);
        if (attempt < this.retry.retries && waitedMs + delay <= this.retry.budgetMs) {
          this.log.warn('Retrying after network error', { code, attempt: attempt + 1, waitMs: delay, url: this.safeUrl(request.url) });
          metrics.retries += 1;
          metrics.retryWaitMs += await wait(delay);
          waitedMs += delay;
          attempt += 1;
          continue;
        }
      }
      throw new TransientError(
        this.redactor.text(
          `${this.provider} could not be reached (${code}) for ${method} ${this.safeUrl(request.url)}${attempt ? ` after ${attempt} retries` : ''}`,
        ),
        { recordId: request.recordId, cause: this.redactor.text(outcome.error.message) },
      );
    }
  }

  /** Sends without authentication but with the same throttling and retries (token endpoints). */
  readonly anonymousSender: UnauthenticatedSender = (request) => this.request({ ...request, anonymous: true });

  private get provider(): string {
    return this.options.provider ?? 'The provider';
  }

  private async authHeaders(request: HttpRequest): Promise<Record<string, string>> {
    if (request.anonymous || !this.options.auth) return {};
    const headers = await this.options.auth.headers(this.anonymousSender);
    this.redactor.add(...this.options.auth.secrets());
    return headers;
  }

  private async send(request: HttpRequest, authHeaders: Record<string, string>): Promise<Outcome> {
    const headers: Record<string, string> = { Accept: 'application/json', ...request.headers, ...authHeaders };
    let data: unknown;
    if (request.form) {
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      data = new URLSearchParams(Object.entries(request.form).filter((e): e is [string, string] => e[1] !== undefined)).toString();
    } else if (request.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      data = JSON.stringify(request.json);
    }
    try {
      const response = await this.axios.request({
        method: request.method ?? 'GET',
        url: this.resolve(request.url, request.query),
        headers,
        data,
        responseType: request.responseType === 'stream' ? 'stream' : 'text',
        transformResponse: [(body: unknown) => body],
        validateStatus: () => true,
        timeout: request.timeoutMs,
      });
      if (request.responseType === 'stream' && (response.status < 200 || response.status >= 300)) {
        response.data = await readStream(response.data as NodeJS.ReadableStream);
      }
      if (request.responseType !== 'stream') response.data = parseBody(response.data, request.responseType);
      return { kind: 'response', response };
    } catch (error) {
      if (axios.isAxiosError(error)) return { kind: 'network', error };
      throw error;
    }
  }

  private resolve(url: string, query?: Record<string, QueryValue>): string {
    const absolute = /^https?:\/\//i.test(url) ? new URL(url) : new URL(joinUrl(this.options.baseUrl, url));
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value === undefined || value === null) continue;
      if (Array.isArray(value)) value.forEach((v) => absolute.searchParams.append(key, String(v)));
      else absolute.searchParams.set(key, String(value));
    }
    return absolute.toString();
  }

  private safeUrl(url: string): string {
    // Any secret-named query parameter (api_key, access_token, client_secret...) plus the usual
    // signature and key names, whether or not the redactor has learned the value yet.
    const masked = url.replace(/([?&])([^=&#]+)=([^&#]*)/g, (all, sep: string, name: string) =>
      isSecretKey(name) || /^(key|sig|signature)$/i.test(name) ? `${sep}${name}=***` : all,
    );
    return this.redactor.text(masked);
  }

  private errorFor(
    request: HttpRequest,
    response: HttpResponse,
    context: { waitedMs: number; retryAfterMs?: number; unauthorized?: boolean },
  ): ConnectorError {
    const info = this.options.describeError?.(response.status, response.data) ?? defaultErrorInfo(response.data);
    const providerMessage = info?.message ? this.redactor.text(String(info.message)) : undefined;
    const status = response.status;
    const what = `${request.method ?? 'GET'} ${this.safeUrl(request.url)}`;
    const record = request.recordId ? ` (record ${request.recordId})` : '';
    const said = providerMessage ? `: ${providerMessage}` : '';
    const details = { status, providerMessage, providerCode: info?.code, recordId: request.recordId };
    if (status === 429) {
      const waited = Math.round(context.waitedMs / 1000);
      return new RateLimitError(`${this.provider} rate limit still exceeded after waiting ${waited} s on ${what}${record}${said}`, {
        ...details,
        retryAfterMs: context.retryAfterMs,
      });
    }
    // A body that says the token is invalid (`inspect` → 'unauthorized') is a refusal too, whatever the status.
    if (status === 401 || status === 403 || context.unauthorized) {
      return new AuthenticationError(`${this.provider} refused the credentials (HTTP ${status}) on ${what}${record}${said}`, details);
    }
    if (status >= 500 || status === 408 || status === 425) {
      return new TransientError(`${this.provider} failed with HTTP ${status} on ${what}${record}${said}`, details);
    }
    return new ProviderError(`${this.provider} rejected ${what}${record} with HTTP ${status}${said}`, details);
  }
}

function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

function toResponse<T>(response: AxiosResponse): HttpResponse<T> {
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(response.headers ?? {})) {
    if (value !== undefined && value !== null) headers[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return { status: response.status, headers, data: response.data as T, url: response.config?.url ?? '' };
}

function parseBody(body: unknown, type: HttpRequest['responseType']): unknown {
  if (typeof body !== 'string') return body;
  if (type === 'text') return body;
  if (body.trim() === '') return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

async function readStream(stream: NodeJS.ReadableStream): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return parseBody(Buffer.concat(chunks).toString('utf8'), 'json');
}

/** Common error body shapes: `{error: {message, code}}`, `{error, error_description}`, `{message}`, `{detail}`, `{msg}`. */
export function defaultErrorInfo(body: unknown): ProviderErrorInfo | undefined {
  if (typeof body === 'string') return body.trim() ? { message: body.trim().slice(0, 500) } : undefined;
  if (!body || typeof body !== 'object') return undefined;
  const b = body as Record<string, unknown>;
  if (b.error && typeof b.error === 'object') {
    const e = b.error as Record<string, unknown>;
    return { message: stringOr(e.message), code: e.code as string | number | undefined };
  }
  const message =
    stringOr(b.error_description) ?? stringOr(b.message) ?? stringOr(b.detail) ?? stringOr(b.msg) ?? stringOr(b.resultMessage) ?? stringOr(b.error);
  const code = (typeof b.error === 'string' ? b.error : (b.code as string | number | undefined)) ?? undefined;
  return message || code !== undefined ? { message, code } : undefined;
}

function stringOr(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value : undefined;
}
