import { AuthenticationError } from '../errors';
import { now } from '../util/timing';
import type { HttpRequest, HttpResponse } from './types';

/** Sends a request without authentication (token endpoints). */
export type UnauthenticatedSender = <T = unknown>(request: HttpRequest) => Promise<HttpResponse<T>>;

export interface AuthStrategy {
  /** Headers that authenticate a request; may obtain a token first. */
  headers(send: UnauthenticatedSender): Promise<Record<string, string>>;
  /**
   * After a 401: renew the credentials (once, shared by concurrent callers) unless another
   * caller already did. Returns false when renewing is impossible, so the 401 stands.
   */
  renew?(send: UnauthenticatedSender, rejected: Record<string, string>): Promise<boolean>;
  /** Values to redact (tokens obtained so far). */
  secrets(): string[];
}

/** A fixed header: `apiToken: <token>`, `Authorization: Bearer <key>`... */
export class HeaderAuth implements AuthStrategy {
  constructor(
    private readonly header: string,
    private readonly value: string,
  ) {}

  async headers(): Promise<Record<string, string>> {
    return { [this.header]: this.value };
  }

  secrets(): string[] {
    return [this.value];
  }
}

export interface TokenSet {
  accessToken: string;
  refreshToken?: string;
  /** Epoch milliseconds; unknown expiry means "until a 401". */
  expiresAt?: number;
  tokenType?: string;
}

export interface TokenAuthOptions {
  /** Gets a new token from scratch (client credentials, password grant, token exchange). */
  obtain?: (send: UnauthenticatedSender) => Promise<TokenSet>;
  /** Trades a refresh token for a new token set. */
  refresh?: (send: UnauthenticatedSender, current: TokenSet) => Promise<TokenSet>;
  /** A token issued elsewhere (the platform's OAuth field, a pasted access token). */
  initial?: TokenSet;
  /** How the token goes on the wire; default `Authorization: Bearer <token>`. */
  format?: (token: TokenSet) => Record<string, string>;
  /** Renew this long before `expiresAt`. */
  marginMs?: number;
  /** Told about every new token set (to hand rotated tokens back to the platform). */
  onRotate?: (token: TokenSet) => void | Promise<void>;
  /** Tokens are cached per process under this key (a hash of the credentials). */
  cacheKey?: string;
}

const tokenCache = new Map<string, TokenSet>();
/** Renewals under way per cache key: steps sharing credentials in one process log in once, not once each. */
const renewalsInFlight = new Map<string, Promise<TokenSet>>();

export function clearTokenCache(): void {
  tokenCache.clear();
}

export const bearer = (token: TokenSet): Record<string, string> => ({ Authorization: `Bearer ${token.accessToken}` });

/**
 * Token-based auth with proactive renewal before expiry, single-flight renewal on 401, refresh
 * grant first and a full login as the fallback.
 */
export class TokenAuth implements AuthStrategy {
  private token?: TokenSet;
  private renewing?: Promise<TokenSet>;
  /** How long the current token was valid when we got it (unknown for tokens issued elsewhere). */
  private lifetimeMs?: number;
  private readonly seen = new Set<string>();

  constructor(private readonly options: TokenAuthOptions) {
    this.token = (options.cacheKey ? tokenCache.get(options.cacheKey) : undefined) ?? options.initial;
    if (this.token) this.remember(this.token);
  }

  async headers(send: UnauthenticatedSender): Promise<Record<string, string>> {
    const token = await this.current(send);
    return (this.options.format ?? bearer)(token);
  }

  async renew(send: UnauthenticatedSender, rejected: Record<string, string>): Promise<boolean> {
    if (!this.options.obtain && !(this.options.refresh && this.token?.refreshToken)) return false;
    const format = this.options.format ?? bearer;
    const currentHeaders = this.token ? format(this.token) : undefined;
    const alreadyRenewed = currentHeaders && JSON.stringify(currentHeaders) !== JSON.stringify(rejected);
    if (!alreadyRenewed) await this.renewOnce(send, true);
    return true;
  }

  secrets(): string[] {
    return [...this.seen];
  }

  private async current(send: UnauthenticatedSender): Promise<TokenSet> {
    const token = this.token;
    // A token that lives shorter than twice the margin is used for half its life, not renewed
    // before every request.
    const margin = Math.min(this.options.marginMs ?? 60_000, this.lifetimeMs !== undefined ? this.lifetimeMs / 2 : Infinity);
    if (token && (token.expiresAt === undefined || token.expiresAt - margin > now())) return token;
    return this.renewOnce(send, false);
  }

  private renewOnce(send: UnauthenticatedSender, afterRejection: boolean): Promise<TokenSet> {
    if (this.renewing) return this.renewing;
    const key = this.options.cacheKey;
    const elsewhere = key ? renewalsInFlight.get(key) : undefined;
    if (elsewhere) {
      this.renewing = elsewhere
        .then((token) => this.adopt(token))
        .finally(() => {
          this.renewing = undefined;
        });
      return this.renewing;
    }
    this.renewing = this.doRenew(send, afterRejection).finally(() => {
      this.renewing = undefined;
      if (key) renewalsInFlight.delete(key);
    });
    if (key) renewalsInFlight.set(key, this.renewing);
    return this.renewing;
  }

  /** Takes over a token another instance with the same credentials just obtained. */
  private adopt(token: TokenSet): TokenSet {
    this.token = token;
    this.lifetimeMs = token.expiresAt !== undefined ? Math.max(0, token.expiresAt - now()) : undefined;
    this.remember(token);
    return token;
  }

  private async doRenew(send: UnauthenticatedSender, afterRejection: boolean): Promise<TokenSet> {
    const { refresh, obtain } = this.options;
    let next: TokenSet | undefined;
    if (refresh && this.token?.refreshToken) {
      try {
        next = await refresh(send, this.token);
      } catch (error) {
        if (!obtain) throw error;
      }
    }
    if (!next) {
      if (!obtain) {
        throw new AuthenticationError(
          afterRejection ? 'The access token was rejected and cannot be renewed' : 'The access token has expired and cannot be renewed',
        );
      }
      next = await obtain(send);
    }
    this.adopt(next);
    if (this.options.cacheKey) tokenCache.set(this.options.cacheKey, next);
    await this.options.onRotate?.(next);
    return next;
  }

  private remember(token: TokenSet): void {
    this.seen.add(token.accessToken);
    if (token.refreshToken) this.seen.add(token.refreshToken);
  }
}
