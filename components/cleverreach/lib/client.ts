import {
  ConfigurationError,
  HttpClient,
  Log,
  ProviderError,
  Redactor,
  TokenAuth,
  clientCredentialsGrant,
  strictNumber,
  hashKey,
  readString,
  stepHttpClient,
} from '@oih-suite/kit';
import type { Group, Receiver, ReceiverBody } from './types';

export const DEFAULT_BASE_URL = 'https://rest.cleverreach.com';
/** The largest page CleverReach serves on receiver lists. */
export const MAX_PAGE_SIZE = 5000;
/**
 * CleverReach publishes no rate limit, so the credential's rate adapts: it starts at the kit's
 * generous default, halves on a 429 (after its Retry-After) and recovers step by step. A customer
 * with a known contract caps it with the step field `maxRequestsPerSecond`.
 */
export function readRateCap(cfg: CleverReachConfig): number | undefined {
  return strictNumber(cfg.maxRequestsPerSecond, 'maxRequestsPerSecond', { min: 0.5, max: 1000 });
}
export type CleverReachConfig = Record<string, unknown>;

/** The API root: `baseUrl` (or the old adapter's `apiUrl`), without a trailing `/v3`. */
export function readBaseUrl(cfg: CleverReachConfig): string {
  const raw = readString(cfg, 'baseUrl') ?? readString(cfg, 'apiUrl') ?? DEFAULT_BASE_URL;
  if (!/^https?:\/\//i.test(raw)) throw new ConfigurationError('baseUrl', `"${raw}" is not an http(s) URL`);
  return raw.replace(/\/+$/, '').replace(/\/v3$/i, '');
}

function createAuth(cfg: CleverReachConfig, baseUrl: string): TokenAuth {
  const accessToken = readString(cfg, 'accessToken');
  const clientId = readString(cfg, 'client_id');
  const clientSecret = readString(cfg, 'client_secret');
  const canLogin = !!clientId && !!clientSecret;
  if (!accessToken && !canLogin) {
    throw new ConfigurationError('client_id', 'set client_id and client_secret, or an accessToken');
  }
  const client = { tokenUrl: `${baseUrl}/oauth/token.php`, clientId: clientId ?? '', clientSecret: clientSecret ?? '' };
  return new TokenAuth({
    initial: accessToken ? { accessToken } : undefined,
    obtain: canLogin ? (send) => clientCredentialsGrant(send, client) : undefined,
    // Tokens are shared per process and credential, so every step run does not log in again.
    cacheKey: canLogin ? hashKey('cleverreach', baseUrl, clientId, clientSecret, accessToken) : undefined,
  });
}

/** Everything this component asks of the CleverReach REST API v3. */
export class CleverReachClient {
  constructor(readonly http: HttpClient) {}

  async groups(): Promise<Group[]> {
    const response = await this.http.request<Group[] | undefined>({ url: '/v3/groups.json', expect: 'array' });
    return asArray<Group>(response.data);
  }

  /** One page of a group's receivers (0-based `page`), oldest registration first. */
  async groupReceivers(groupId: string, page: number, pageSize: number): Promise<Receiver[]> {
    const response = await this.http.request<Receiver[] | undefined>({
      url: `/v3/groups.json/${encodeURIComponent(groupId)}/receivers`,
      query: { page, pagesize: Math.min(pageSize, MAX_PAGE_SIZE), type: 'all', detail: 4, order_by: 'registered ASC' },
      expect: 'array',
    });
    return asArray<Receiver>(response.data);
  }

  /** One receiver by id or e-mail, optionally within a group; undefined when there is none. */
  async receiver(idOrEmail: string, groupId?: string): Promise<Receiver | undefined> {
    const response = await this.http.request<Receiver | Receiver[] | undefined>({
      url: `/v3/receivers.json/${encodeURIComponent(idOrEmail)}`,
      query: { group_id: groupId },
      acceptStatuses: [404],
      recordId: idOrEmail,
    });
    // CleverReach answers "not found" with 404, or with an (empty) list.
    const data = response.data;
    if (response.status === 404 || !data || Array.isArray(data) || typeof data !== 'object') return undefined;
    return data;
  }

  async createReceiver(groupId: string, body: ReceiverBody): Promise<Receiver> {
    const response = await this.http.request<Receiver>({
      method: 'POST',
      url: `/v3/groups.json/${encodeURIComponent(groupId)}/receivers`,
      json: body,
      recordId: body.email,
    });
    return expectReceiver(response.data, `create ${body.email ?? ''}`);
  }

  /** Updates a member of the group; undefined when the id is not a member (404). */
  async updateReceiver(groupId: string, receiverId: string, body: ReceiverBody): Promise<Receiver | undefined> {
    const response = await this.http.request<Receiver>({
      method: 'PUT',
      url: `/v3/groups.json/${encodeURIComponent(groupId)}/receivers/${encodeURIComponent(receiverId)}`,
      json: body,
      acceptStatuses: [404],
      recordId: receiverId,
    });
    if (response.status === 404) return undefined;
    return expectReceiver(response.data, `update ${receiverId}`);
  }

  /** Deletes a receiver; the HTTP status says how it went (CleverReach answers a literal `true`). */
  async deleteReceiver(receiverId: string, groupId?: string): Promise<{ status: number; body: unknown }> {
    const response = await this.http.request({
      method: 'DELETE',
      url: `/v3/receivers.json/${encodeURIComponent(receiverId)}`,
      query: { group_id: groupId },
      acceptStatuses: [401, 403, 404],
      recordId: receiverId,
    });
    return { status: response.status, body: response.data };
  }
}

function asArray<T>(data: unknown): T[] {
  // Only an explicit 204 No Content means "no receivers": the kit retries an empty 200, `null` or
  // HTML as the provider's failure, so a broken page never reads as the end of the list.
  if (data === undefined) return [];
  if (!Array.isArray(data)) throw new ProviderError(`CleverReach answered with ${typeof data} where a list was expected`);
  return data as T[];
}

function expectReceiver(data: unknown, what: string): Receiver {
  if (!data || typeof data !== 'object' || Array.isArray(data) || !('id' in data)) {
    throw new ProviderError(`CleverReach did not return the receiver after ${what}`, { providerMessage: JSON.stringify(data ?? null).slice(0, 200) });
  }
  return data as Receiver;
}

/** One throttle per credential: the key every step with these credentials shares. */
export function credentialKey(cfg: CleverReachConfig): string {
  return hashKey('cleverreach', readBaseUrl(cfg), cfg.client_id, cfg.client_secret, cfg.accessToken);
}

/** The client for a step: one throttle and one token cache per credential in this process. */
export function createClient(cfg: CleverReachConfig, log?: Log, redactor?: Redactor): CleverReachClient {
  const baseUrl = readBaseUrl(cfg);
  const auth = createAuth(cfg, baseUrl);
  const key = credentialKey(cfg);
  const rateLimit = { key, adaptive: { maxPerSecond: readRateCap(cfg) } };
  const http = stepHttpClient(cfg, { baseUrl, auth, rateLimit, redactor, log, provider: 'CleverReach' });
  return new CleverReachClient(http);
}
