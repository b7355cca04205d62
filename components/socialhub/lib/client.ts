import {
  AuthenticationError,
  ClientContext,
  HttpClient,
  HttpRequest,
  HttpResponse,
  OperationRequest,
  ProviderError,
  TokenAuth,
  TokenSet,
  UnauthenticatedSender,
  Values,
  buildOperationRequest,
  hashKey,
  now,
  stepHttpClient,
} from '@oih-suite/kit';
import { OPERATIONS, OperationId } from './operations/table';

export const DEFAULT_BASE_URL = 'https://s1.socialhub.ai/openapi-prod';

/**
 * SocialHub publishes no rate limit; 20 requests a second per app is a conservative budget that
 * the simulator enforces as well (so a 429 there means we overran our own assumption).
 */
export const RATE_WINDOWS = [{ limit: 20, intervalMs: 1000 }];

/** The `{code, msg, data}` envelope every SocialHub answer uses. */
export interface Envelope<T = unknown> {
  code?: string | number;
  resultCode?: string | number;
  status?: string | number;
  msg?: string;
  resultMessage?: string;
  data?: T;
}

export interface Page<T> {
  list: T[];
  total?: number;
  pageNo?: number;
  pageSize?: number;
}

/** The credentials as the provider description reads them (required ones checked, baseUrl defaulted). */
export interface SocialHubCredentials {
  appId: string;
  appSecret: string;
  baseUrl: string;
}

/** Tokens that no longer work answer with one of these codes (HTTP 401, or 200 with the code). */
const TOKEN_CODES = new Set(['401', '40101', '40102']);

function envelopeCode(body: unknown): string | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const b = body as Envelope;
  const code = b.code ?? b.resultCode ?? b.status;
  return code === undefined || code === null ? undefined : String(code);
}

function envelopeMessage(body: unknown): string | undefined {
  const b = (body ?? {}) as Envelope;
  return b.msg || b.resultMessage || undefined;
}

/**
 * A 200 whose envelope `code` is not 200 is a business error, never a success; an envelope that
 * says the token is invalid triggers the kit's single token renewal.
 */
export function inspectEnvelope(response: HttpResponse): void | 'unauthorized' {
  const code = envelopeCode(response.data);
  if (code === undefined || code === '200') return;
  const message = envelopeMessage(response.data);
  const path = new URL(response.url || 'http://x/').pathname;
  const details = { status: response.status, providerMessage: message, providerCode: code };
  if (/\/v1\/auth\//.test(path))
    throw new AuthenticationError(`SocialHub refused the app credentials (code ${code})${message ? `: ${message}` : ''}`, details);
  if (TOKEN_CODES.has(code)) return 'unauthorized';
  throw new ProviderError(`SocialHub rejected the request (code ${code})${message ? `: ${message}` : ''}`, details);
}

/** Reads a token answer; the expiry field is not documented, so every spelling seen is tried. */
export function parseToken(body: unknown): TokenSet {
  const data = ((body ?? {}) as Envelope<Record<string, unknown>>).data ?? {};
  const accessToken = data.accessToken;
  if (typeof accessToken !== 'string' || !accessToken) throw new AuthenticationError('SocialHub answered the token request without an accessToken');
  const seconds = ['expiresIn', 'expireIn', 'expires', 'expireSeconds'].map((k) => Number(data[k])).find((n) => Number.isFinite(n) && n > 0);
  const at = ['expireTime', 'expiresAt', 'expirationTime'].map((k) => Number(data[k])).find((n) => Number.isFinite(n) && n > 0);
  const expiresAt = seconds !== undefined ? now() + seconds * 1000 : at !== undefined ? (at < 1e11 ? at * 1000 : at) : now() + 50 * 60_000;
  return { accessToken, refreshToken: typeof data.refreshToken === 'string' ? data.refreshToken : undefined, expiresAt };
}

export class SocialHubClient {
  readonly http: HttpClient;
  private readonly credentials: { appId: string; appSecret: string };

  constructor({ cfg, credentials, log, redactor }: ClientContext<SocialHubCredentials>) {
    const { appId, appSecret, baseUrl } = credentials;
    this.credentials = { appId, appSecret };
    const key = hashKey('socialhub', baseUrl, appId, appSecret);
    const auth = new TokenAuth({
      cacheKey: key,
      // SocialHub wants the raw token, without "Bearer".
      format: (token) => ({ Authorization: token.accessToken }),
      obtain: async (send: UnauthenticatedSender) => {
        const response = await send({ method: 'POST', url: '/v1/auth/token', json: this.credentials, idempotent: true });
        return parseToken(response.data);
      },
      refresh: async (send: UnauthenticatedSender, current: TokenSet) => {
        const response = await send({
          method: 'POST',
          url: '/v1/auth/refreshToken',
          headers: { Authorization: current.refreshToken ?? '' },
          json: { refreshToken: current.refreshToken },
          idempotent: true,
        });
        return parseToken(response.data);
      },
    });
    this.http = stepHttpClient(cfg, {
      baseUrl,
      auth,
      provider: 'SocialHub',
      rateLimit: { key, windows: RATE_WINDOWS },
      inspect: inspectEnvelope,
      redactor,
      log,
    });
  }

  /** Obtains a token (verifies the app credentials). */
  async login(): Promise<void> {
    const response = await this.http.anonymousSender({ method: 'POST', url: '/v1/auth/token', json: this.credentials, idempotent: true });
    this.http.redactor.add(parseToken(response.data).accessToken);
  }

  /** Runs one operation of the table and returns the envelope's `data`. */
  async run<T = unknown>(id: OperationId, input: Values, stepDefaults: Values = {}): Promise<T> {
    return this.send<T>(buildOperationRequest(OPERATIONS[id], input, stepDefaults));
  }

  /**
   * One page of a paged operation: the envelope must carry `data.list`. An answer without it (an
   * empty 200, `null`, HTML) is retried by the kit like a 5xx, never read as an empty last page.
   */
  async page<T>(id: OperationId, input: Values): Promise<Page<T>> {
    const request = { ...buildOperationRequest(OPERATIONS[id], input), expect: hasList };
    return this.send<Page<T>>(request);
  }

  async send<T = unknown>(request: OperationRequest & { expect?: HttpRequest['expect'] }): Promise<T> {
    try {
      // Every SocialHub answer is a {code, msg, data} envelope: anything else is the provider's failure.
      const response = await this.http.request<Envelope<T>>({ expect: 'object', ...request });
      return (response.data ?? {}).data as T;
    } catch (error) {
      throw withRequest(error, request);
    }
  }
}

function hasList(body: unknown): string | undefined {
  const data = body && typeof body === 'object' ? (body as Envelope<Page<unknown>>).data : undefined;
  if (data && typeof data === 'object' && Array.isArray(data.list)) return undefined;
  // `{total: 0}` without a list is SocialHub's empty result.
  if (data && typeof data === 'object' && data.list === undefined && Number(data.total) === 0) return undefined;
  return 'an envelope without data.list where a page was expected';
}

/**
 * The kit's `inspect` hook sees only the response, so a business error raised there does not
 * say which call and record it was about; this adds both.
 */
function withRequest(error: unknown, request: OperationRequest): unknown {
  if (!(error instanceof ProviderError) || error.status !== 200 || error.recordId) return error;
  const record = request.recordId ? ` (record ${request.recordId})` : '';
  const said = error.providerMessage ? `: ${error.providerMessage}` : '';
  return new ProviderError(`SocialHub rejected ${request.method} ${request.url}${record} (code ${String(error.providerCode)})${said}`, {
    status: error.status,
    providerMessage: error.providerMessage,
    providerCode: error.providerCode,
    recordId: request.recordId,
  });
}
