import { PassThrough, Readable } from 'node:stream';
import { AuthenticationError, ConnectorError, ProviderError, RateLimitError, TransientError, redactError } from '../errors';
import { Log, silentLogger } from '../util/logger';
import { metrics } from '../util/metrics';
import { Redactor, isSecretKey } from '../util/redact';
import { now, timing, wait } from '../util/timing';
import type { AuthStrategy, UnauthenticatedSender } from './auth';
import { readBody, readErrorBody } from './body';
import { CheckedUrl, checkBaseUrl, checkUrl, isLoopbackHost, joinUrl } from './origin';
import { observeProviderDate } from './providerClock';
import { backoffMs, retryAfterMs } from './retryTiming';
import type { RequestGate } from './throttle';
import { DEFAULT_LIMITS, RawResponse, RequestLimits, TransportError, exchange } from './transport';
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
  /** The overall deadline of one request (headers and body); `limits.deadlineMs` says the same. */
  timeoutMs?: number;
  /** Connect, idle and overall timeouts, and the largest response accepted. */
  limits?: Partial<RequestLimits>;
  /** Plain `http://` to a host that is not loopback (logged as a warning). */
  allowInsecureHttp?: boolean;
}

/** Same-origin redirects followed per request. */
const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Where the last attempt ended, for the decision to retry. */
type Outcome =
  { kind: 'response'; response: HttpResponse; problem?: string } | { kind: 'network'; code: string; message: string; permanent: boolean };

/**
 * The one HTTP client every provider uses: authentication, proactive throttling, retries
 * honouring Retry-After with capped backoff and a total time budget, one token renewal on 401,
 * deadlines on every exchange, credentials kept to their origin, precise errors with secrets removed.
 */
export class HttpClient {
  private readonly retry: RetryPolicy;
  readonly redactor: Redactor;
  private readonly log: Log;
  readonly limits: RequestLimits;
  private readonly base: URL;

  constructor(private readonly options: HttpClientOptions) {
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.redactor = options.redactor ?? new Redactor();
    this.log = options.log ?? new Log(silentLogger, this.redactor);
    this.limits = { ...DEFAULT_LIMITS, ...(options.timeoutMs ? { deadlineMs: options.timeoutMs } : {}), ...options.limits };
    this.base = checkBaseUrl(options.baseUrl, options.allowInsecureHttp);
    if (this.base.protocol === 'http:' && !isLoopbackHost(this.base.hostname)) {
      this.log.warn('allowInsecureHttp: credentials and data travel unencrypted', { origin: this.base.origin });
    }
  }

  get baseUrl(): string {
    return this.options.baseUrl;
  }

  /**
   * The kit's origin check for a URL from a provider response or a snapshot (a `next` link, a
   * stored scan position): relative, of the base URL's origin, or of a host `allowForeign` names.
   */
  checkUrl(url: string, what: string, allowForeign?: HttpRequest['allowForeign']): CheckedUrl {
    return checkUrl(url, { baseUrl: this.options.baseUrl, allowForeign, allowInsecureHttp: this.options.allowInsecureHttp, what });
  }

  async request<T = unknown>(request: HttpRequest): Promise<HttpResponse<T>> {
    const method = request.method ?? 'GET';
    const idempotent = request.idempotent ?? method !== 'POST';
    const budgetMs = this.retry.budgetMs;
    let attempt = 0;
    /** Time spent on this request so far: attempts as measured, waits as asked (unscaled). */
    let spentMs = 0;
    let renewed = false;
    for (;;) {
      // Headers first: a login made for them spends its own slot, and the slot this request takes
      // is stamped right before it leaves, as the provider counts it (not a login round trip earlier).
      const authHeaders = await this.authHeaders(request);
      if (this.options.throttle) metrics.throttleWaitMs += await this.options.throttle.acquire();
      const started = now();
      const outcome = await this.send(request, authHeaders);
      spentMs += Math.max(0, now() - started);
      metrics.requests += 1;

      let delay: number | undefined;
      let hinted: number | undefined;
      if (outcome.kind === 'response') {
        const response = outcome.response as HttpResponse<T>;
        observeProviderDate(response.url, response.headers.date, now());
        const status = response.status;
        const ok = (status >= 200 && status < 300) || request.acceptStatuses?.includes(status);
        const verdict = ok && !outcome.problem ? this.options.inspect?.(response) : undefined;
        const unauthorized = status === 401 || verdict === 'unauthorized';
        if (ok && !unauthorized && !outcome.problem && typeof request.expect === 'function' && status >= 200 && status < 300) {
          outcome.problem = request.expect(response.data);
        }
        if (unauthorized && !request.anonymous && this.options.auth?.renew && !renewed) {
          renewed = true;
          if (await this.options.auth.renew(this.anonymousSender, authHeaders)) {
            this.log.info('Access token renewed after 401', { url: this.safeUrl(request.url) });
            continue;
          }
        }
        if (ok && !unauthorized && !outcome.problem) {
          if (request.tokenRequest) this.redactor.addTokens(response.data);
          return response;
        }
        if (ok && outcome.problem) {
          if (!idempotent) throw this.garbageError(request, response, outcome.problem, attempt, false);
          delay = backoffMs(attempt, this.retry.baseDelayMs, this.retry.maxDelayMs);
          if (!this.mayRetry(attempt, spentMs, delay, budgetMs)) throw this.garbageError(request, response, outcome.problem, attempt, true);
          this.log.warn('Retrying after an unusable answer', {
            status,
            problem: outcome.problem,
            attempt: attempt + 1,
            waitMs: delay,
            url: this.safeUrl(request.url),
          });
        } else if (!unauthorized && this.retry.statuses.includes(status) && (status === 429 || idempotent)) {
          hinted = retryAfterMs(response.headers, now()) ?? (status === 429 ? this.options.retryAfterFromBody?.(response.data) : undefined);
          delay = hinted ?? backoffMs(attempt, this.retry.baseDelayMs, this.retry.maxDelayMs);
          const giveUp = !this.mayRetry(attempt, spentMs, delay, budgetMs) || (hinted !== undefined && hinted > this.retry.maxRetryAfterMs);
          if (giveUp) throw this.errorFor(request, response, { waitedMs: spentMs, retryAfterMs: hinted });
          // The penalty lasts as long as our own wait really does (tests shrink waits with timing.scale).
          if (status === 429) this.options.throttle?.penalize(delay * timing.scale);
          this.log.warn('Retrying after provider asked to wait', { status, attempt: attempt + 1, waitMs: delay, url: this.safeUrl(request.url) });
        } else {
          throw this.errorFor(request, response, { waitedMs: spentMs, unauthorized });
        }
      } else {
        delay = backoffMs(attempt, this.retry.baseDelayMs, this.retry.maxDelayMs);
        if (!idempotent || outcome.permanent || !this.mayRetry(attempt, spentMs, delay, budgetMs)) throw this.networkError(request, outcome, attempt);
        this.log.warn('Retrying after network error', { code: outcome.code, attempt: attempt + 1, waitMs: delay, url: this.safeUrl(request.url) });
      }
      metrics.retries += 1;
      metrics.retryWaitMs += await wait(delay);
      spentMs += delay;
      attempt += 1;
    }
  }

  /**
   * Another attempt only while the time spent plus the wait stays within the budget: one request
   * with its retries takes at most the budget (`maxRetryWaitSeconds`) plus one request deadline.
   */
  private mayRetry(attempt: number, spentMs: number, delay: number, budgetMs: number): boolean {
    return attempt < this.retry.retries && spentMs + delay <= budgetMs;
  }

  /** Sends without authentication but with the same throttling and retries (token endpoints: no redirects). */
  readonly anonymousSender: UnauthenticatedSender = (request) => this.request({ ...request, anonymous: true, tokenRequest: true });

  private get provider(): string {
    return this.options.provider ?? 'The provider';
  }

  private async authHeaders(request: HttpRequest): Promise<Record<string, string>> {
    if (request.anonymous || !this.options.auth) return {};
    const headers = await this.options.auth.headers(this.anonymousSender);
    this.redactor.add(...this.options.auth.secrets());
    return headers;
  }

  /** Credentials a request carries itself (a token request's form, a revoke call): masked before they leave. */
  private learnCarriedSecrets(request: HttpRequest): void {
    for (const [key, value] of Object.entries(request.headers ?? {}))
      if (/^(authorization|api[-_]?(key|token))$/i.test(key)) this.redactor.add(value, value.replace(/^\w+\s+/, ''));
    for (const body of [request.form, request.json]) {
      if (body && typeof body === 'object') this.redactor.addTokens(body);
    }
    for (const [key, value] of Object.entries(request.query ?? {})) if (isSecretKey(key) && typeof value === 'string') this.redactor.add(value);
  }

  /** One attempt: the exchange and the redirects it may follow, or the network failure it ended in. */
  private async send(request: HttpRequest, authHeaders: Record<string, string>): Promise<Outcome> {
    this.learnCarriedSecrets(request);
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'Accept-Encoding': 'gzip, deflate, br',
      ...request.headers,
      ...authHeaders,
    };
    let body: string | undefined;
    if (request.form) {
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(Object.entries(request.form).filter((e): e is [string, string] => e[1] !== undefined)).toString();
    } else if (request.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(request.json);
    }
    const limits = { ...this.limits, ...(request.timeoutMs ? { deadlineMs: request.timeoutMs } : {}) };
    // A network deadline is real time even under a test's fake clock: a monotonic clock, not the timing seam.
    const deadlineAt = performance.now() + limits.deadlineMs;
    const target = this.resolve(request.url, request.query);
    // A token endpoint is configured (it may live on an identity host of its own), never taken from a response.
    let hop: CheckedUrl = request.tokenRequest
      ? {
          url: checkBaseUrl(
            /^https?:\/\//i.test(target) ? target : joinUrl(this.options.baseUrl, target),
            this.options.allowInsecureHttp,
            'tokenUrl',
          ),
          sameOrigin: true,
        }
      : this.checkUrl(target, `The URL of ${request.method ?? 'GET'} ${this.safeUrl(request.url)}`, request.allowForeign);
    let method: string = request.method ?? 'GET';
    const carriesCredentials = Object.keys(authHeaders).length > 0 || body !== undefined;
    try {
      for (let redirects = 0; ; redirects += 1) {
        if (!hop.sameOrigin) this.refuseCredentialsAbroad(hop, carriesCredentials, headers, body);
        const raw = await exchange({
          method,
          url: hop.url,
          headers: hop.sameOrigin ? headers : withoutCredentials(headers),
          body,
          stream: request.responseType === 'stream',
          limits: { ...limits, deadlineMs: Math.max(1, Math.round(deadlineAt - performance.now())) },
        });
        const location = raw.headers.location;
        if (!REDIRECTS.has(raw.status) || !location || request.acceptStatuses?.includes(raw.status)) return this.outcome(request, hop, raw);
        await discard(raw);
        const target = new URL(location, hop.url);
        if (request.tokenRequest) {
          throw new AuthenticationError(
            `${this.provider}'s token endpoint answered HTTP ${raw.status} with a redirect to ${target.host}; token requests never follow redirects, so no credentials were sent there`,
            { status: raw.status },
          );
        }
        if (redirects >= MAX_REDIRECTS)
          throw new ProviderError(`${this.provider} redirected ${this.safeUrl(request.url)} more than ${MAX_REDIRECTS} times`);
        const next = this.checkUrl(target.href, `The redirect (HTTP ${raw.status}) of ${method} ${this.safeUrl(request.url)}`, request.allowForeign);
        if (!next.sameOrigin && hop.sameOrigin && carriesCredentials) {
          throw new ProviderError(
            `${this.provider} redirected ${method} ${this.safeUrl(request.url)} to another origin (${next.url.origin}); credentials never leave ${this.base.origin}, so the redirect was not followed`,
            { status: raw.status },
          );
        }
        // 303 always, and 301/302 after anything but GET/HEAD, continue as a GET without body (what browsers do).
        if (raw.status === 303 || ((raw.status === 301 || raw.status === 302) && method !== 'GET' && method !== 'HEAD')) {
          method = 'GET';
          body = undefined;
          delete headers['Content-Type'];
        }
        hop = next;
      }
    } catch (error) {
      if (error instanceof TransportError) return { kind: 'network', code: error.code, message: error.message, permanent: error.permanent };
      throw error;
    }
  }

  /** The last line of defence: whatever goes to another origin must not contain a secret we know. */
  private refuseCredentialsAbroad(hop: CheckedUrl, carriesCredentials: boolean, headers: Record<string, string>, body: string | undefined): void {
    const outgoing = JSON.stringify([hop.url.href, withoutCredentials(headers), body ?? '']);
    if (carriesCredentials || this.redactor.text(outgoing) !== outgoing) {
      throw new ProviderError(
        `Refusing to send credentials to ${hop.url.origin}: they only go to ${this.base.origin} (a foreign host may only be reached without credentials)`,
      );
    }
  }

  private async outcome(request: HttpRequest, hop: CheckedUrl, raw: RawResponse): Promise<Outcome> {
    const status = raw.status;
    const url = hop.url.toString();
    const ok = status >= 200 && status < 300;
    if (typeof raw.body !== 'string') {
      if (ok) return { kind: 'response', response: { status, headers: raw.headers, data: this.guardedStream(request, raw.body), url } };
      raw.body = await readStream(raw.body);
    }
    if (!ok) return { kind: 'response', response: { status, headers: raw.headers, data: readErrorBody(raw.body), url } };
    const { data, problem } = readBody(status, raw.headers, raw.body, request);
    return { kind: 'response', response: { status, headers: raw.headers, data, url }, problem };
  }

  /** A streamed body whose failures (idle timeout, size cap, reset) arrive as the kit's errors. */
  private guardedStream(request: HttpRequest, source: Readable): Readable {
    const out = new PassThrough();
    source.on('error', (error: Error) => {
      const failure = error instanceof TransportError ? error : new TransportError('network error', error.message);
      out.destroy(
        this.networkError(request, { kind: 'network', code: failure.code, message: failure.message, permanent: failure.permanent }, 0, true),
      );
    });
    out.on('close', () => source.destroy());
    return source.pipe(out);
  }

  private resolve(url: string, query?: Record<string, QueryValue>): string {
    if (!query) return url;
    const absolute = /^https?:\/\//i.test(url) ? new URL(url) : new URL(joinUrl(this.options.baseUrl, url));
    for (const [key, value] of Object.entries(query)) {
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
      isSecretKey(name) || /^(key|sig|signature|x-amz-signature|x-amz-credential)$/i.test(name) ? `${sep}${name}=***` : all,
    );
    return this.redactor.text(masked);
  }

  private networkError(request: HttpRequest, outcome: Extract<Outcome, { kind: 'network' }>, attempt: number, midBody = false): ConnectorError {
    const what = `${request.method ?? 'GET'} ${this.safeUrl(request.url)}`;
    const retries = attempt ? ` after ${attempt} retries` : '';
    if (outcome.permanent) {
      return redactError(
        new ProviderError(`${this.provider} answered ${what}${retries} with ${outcome.message}`, { recordId: request.recordId }),
        this.redactor,
      );
    }
    return redactError(
      new TransientError(`${this.provider} ${midBody ? 'broke off the body' : 'could not be reached'} (${outcome.code}) for ${what}${retries}`, {
        recordId: request.recordId,
        cause: outcome.message,
      }),
      this.redactor,
    );
  }

  private garbageError(request: HttpRequest, response: HttpResponse, problem: string, attempt: number, retryable: boolean): ConnectorError {
    const what = `${request.method ?? 'GET'} ${this.safeUrl(request.url)}`;
    const record = request.recordId ? ` (record ${request.recordId})` : '';
    const retries = attempt ? ` (after ${attempt} retries)` : '';
    const message = `${this.provider} answered ${what}${record} with HTTP ${response.status} and ${problem}${retries}`;
    const details = { status: response.status, recordId: request.recordId };
    // A write whose answer is unusable may have happened: rebounding would repeat it.
    return redactError(retryable ? new TransientError(message, details) : new ProviderError(message, details), this.redactor);
  }

  private errorFor(
    request: HttpRequest,
    response: HttpResponse,
    context: { waitedMs: number; retryAfterMs?: number; unauthorized?: boolean },
  ): ConnectorError {
    const info = this.options.describeError?.(response.status, response.data) ?? defaultErrorInfo(response.data);
    const providerMessage = info?.message ? String(info.message) : undefined;
    const status = response.status;
    const what = `${request.method ?? 'GET'} ${this.safeUrl(request.url)}`;
    const record = request.recordId ? ` (record ${request.recordId})` : '';
    const said = providerMessage ? `: ${providerMessage}` : '';
    const details = { status, providerMessage, providerCode: info?.code, recordId: request.recordId };
    let error: ConnectorError;
    if (status === 429) {
      const waited = Math.round(context.waitedMs / 1000);
      error = new RateLimitError(`${this.provider} rate limit still exceeded after waiting ${waited} s on ${what}${record}${said}`, {
        ...details,
        retryAfterMs: context.retryAfterMs,
      });
    } else if (status === 401 || status === 403 || context.unauthorized) {
      // A body that says the token is invalid (`inspect` → 'unauthorized') is a refusal too, whatever the status.
      error = new AuthenticationError(`${this.provider} refused the credentials (HTTP ${status}) on ${what}${record}${said}`, details);
    } else if (status >= 500 || status === 408 || status === 425) {
      error = new TransientError(`${this.provider} failed with HTTP ${status} on ${what}${record}${said}`, details);
    } else {
      error = new ProviderError(`${this.provider} rejected ${what}${record} with HTTP ${status}${said}`, details);
    }
    return redactError(error, this.redactor);
  }
}

/** Headers that may go to a foreign host: nothing that authenticates. */
function withoutCredentials(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).filter(([key]) => !/^(authorization|cookie|api[-_]?(key|token)|x-api-(key|token))$/i.test(key) && !isSecretKey(key)),
  );
}

async function discard(raw: RawResponse): Promise<void> {
  if (typeof raw.body !== 'string') raw.body.resume();
}

async function readStream(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
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
