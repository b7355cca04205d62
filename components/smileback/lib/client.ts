import {
  ConfigurationError,
  Emitter,
  HttpClient,
  Log,
  Page,
  ProviderError,
  QueryValue,
  Redactor,
  paginateKeyset,
  paginateLinks,
  readString,
  stepHttpClient,
  toIso,
} from '@oih-suite/kit';
import { SmilebackConfig, createAuth } from './auth';
import type { Envelope, Review } from './types';

export const DEFAULT_BASE_URL = 'https://app.smileback.io/api';
/** DRF's `max_limit` on every list: a larger `limit` is cut to this. */
export const MAX_PAGE_SIZE = 1000;
/**
 * "Rate limit: 30 requests/minute/customer" (Data Replication API v3.3, Limits). SmileBack counts
 * a request when it arrives, we when it leaves: half a second of slack (0.8% of the budget)
 * absorbs network jitter that would otherwise turn the 31st request into a 429.
 */
export const RATE_WINDOWS = [{ limit: 30, intervalMs: 60_500 }];

/** The API root (`…/api`), without a trailing slash or a `/v3`. */
export function readBaseUrl(cfg: SmilebackConfig): string {
  const raw = readString(cfg, 'baseUrl') ?? DEFAULT_BASE_URL;
  if (!/^https?:\/\//i.test(raw)) throw new ConfigurationError('baseUrl', `"${raw}" is not an http(s) URL`);
  return raw.replace(/\/+$/, '').replace(/\/v3$/i, '');
}

/** DRF throttling says "Expected available in 12 seconds." when a proxy drops Retry-After. */
export function retryAfterFromBody(body: unknown): number | undefined {
  const detail = body && typeof body === 'object' ? (body as { detail?: unknown }).detail : undefined;
  const match = typeof detail === 'string' ? /available in (\d+(?:\.\d+)?) seconds?/i.exec(detail) : null;
  return match ? Math.ceil(Number(match[1]) * 1000) : undefined;
}

/** Everything this component asks of the SmileBack Data Replication API v3. */
export class SmilebackClient {
  constructor(readonly http: HttpClient) {}

  /**
   * Every page of a list, following DRF's absolute `next` links. `resumeFrom` is a `next` link
   * from an earlier run (an interrupted scan). Plain-array answers are one complete page.
   */
  pages<T>(path: string, query: Record<string, QueryValue>, resumeFrom?: unknown): AsyncGenerator<Page<T>> {
    // A stored position and every `next` link pass the kit's origin check: the token goes nowhere else.
    const resumed = typeof resumeFrom === 'string' && resumeFrom !== '';
    const first = resumed ? this.http.checkUrl(resumeFrom, `The scan position of ${path} in the snapshot`).url.href : withQuery(path, query);
    return paginateLinks<T>(
      `SmileBack ${path}`,
      first,
      async (url) => {
        const page = readList<T>((await this.http.request({ url, expect: isList })).data, path);
        if (page.next) this.http.checkUrl(page.next, `The next link of SmileBack ${path}`);
        return page;
      },
      { resumed },
    );
  }

  /**
   * The records of a list changed at or after `since` (`sinceParam`, inclusive), oldest first, by
   * keyset: each request starts at the newest time of the page before with `offset` skipping the
   * records already read at that time. The `next` links' offsets count from the start of the
   * list, so a record modified during a long sync would shift them and one record be skipped.
   */
  changedSince<T>(
    path: string,
    query: Record<string, QueryValue>,
    options: { sinceParam: string; since?: number; limit: number; cursor(record: T): number | undefined },
  ): AsyncGenerator<Page<T>> {
    return paginateKeyset<T>(`SmileBack ${path}`, options, async ({ since, offset, limit }) => {
      const url = withQuery(path, {
        ...query,
        [options.sinceParam]: since === undefined ? undefined : toIso(since),
        limit: Math.min(limit, MAX_PAGE_SIZE),
        offset: offset || undefined,
      });
      const { records, next } = readList<T>((await this.http.request({ url, expect: isList })).data, path);
      return { records, more: !!next };
    });
  }

  /** Every record of a list (actions that need the whole set). */
  async all<T>(path: string, query: Record<string, QueryValue>): Promise<T[]> {
    const records: T[] = [];
    for await (const page of this.pages<T>(path, query)) records.push(...page.records);
    return records;
  }

  /** One review by id; undefined when SmileBack does not know it. */
  async review(id: string): Promise<Review | undefined> {
    const response = await this.http.request<Review>({ url: `/v3/reviews/${encodeURIComponent(id)}/`, acceptStatuses: [404], recordId: id });
    if (response.status === 404) return undefined;
    if (!response.data || typeof response.data !== 'object' || !('id' in response.data)) {
      throw new ProviderError(`SmileBack did not return review ${id}`, { recordId: id });
    }
    return response.data;
  }

  /** Revokes a token (RFC 7009); SmileBack asks integrations to do so when they disconnect. */
  async revoke(token: string, hint: 'access_token' | 'refresh_token', client: { clientId: string; clientSecret: string }): Promise<void> {
    await this.http.request({
      method: 'POST',
      url: '/revoke/',
      anonymous: true,
      idempotent: true,
      form: { token, token_type_hint: hint, client_id: client.clientId, client_secret: client.clientSecret },
    });
  }
}

function withQuery(path: string, query: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** The kit retries any other answer (empty, `null`, HTML) like a 5xx: it is never an empty last page. */
function isList(data: unknown): string | undefined {
  const envelope = data as Envelope<unknown> | null;
  return Array.isArray(data) || (envelope && typeof envelope === 'object' && Array.isArray(envelope.results)) ? undefined : 'no list of results';
}

/** The auxiliary lists come as a plain array in some API versions and as a DRF envelope in others. */
export function readList<T>(data: unknown, path: string): { records: T[]; next?: string | null } {
  if (Array.isArray(data)) return { records: data as T[], next: null };
  if (data && typeof data === 'object' && Array.isArray((data as Envelope<T>).results)) {
    const envelope = data as Envelope<T>;
    return { records: envelope.results, next: envelope.next ?? null };
  }
  throw new ProviderError(`SmileBack answered ${path} with ${data === undefined ? 'nothing' : typeof data} where a list was expected`);
}

export interface ClientContext {
  cfg: SmilebackConfig;
  log?: Log;
  redactor?: Redactor;
  /** Where rotated platform OAuth tokens are handed back (`updateKeys`). */
  emitter?: Emitter;
}

/** The client for a step: one throttle (30/min) and one token per credential in this process. */
export function createClient({ cfg, log, redactor, emitter }: ClientContext): SmilebackClient {
  const baseUrl = readBaseUrl(cfg);
  const { auth, key } = createAuth(cfg, baseUrl, emitter);
  const http = stepHttpClient(cfg, {
    baseUrl,
    auth,
    rateLimit: { key, windows: RATE_WINDOWS },
    redactor,
    log,
    retryAfterFromBody,
    provider: 'SmileBack',
  });
  return new SmilebackClient(http);
}
