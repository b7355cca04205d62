import { randomBytes } from 'node:crypto';

export interface IssuedToken {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  token_type: string;
}

interface Entry {
  subject: string;
  expiresAt: number;
  refreshToken: string;
}

/**
 * An in-memory token authority for simulators: issues, checks, refreshes, revokes and (for
 * tests) expires tokens early.
 */
export class TokenIssuer {
  private readonly access = new Map<string, Entry>();
  private readonly refresh = new Map<string, string>();
  issued = 0;

  constructor(private readonly ttlSeconds: number) {}

  issue(subject: string): IssuedToken {
    const accessToken = randomBytes(18).toString('hex');
    const refreshToken = randomBytes(18).toString('hex');
    this.access.set(accessToken, { subject, expiresAt: Date.now() + this.ttlSeconds * 1000, refreshToken });
    this.refresh.set(refreshToken, subject);
    this.issued += 1;
    return { access_token: accessToken, refresh_token: refreshToken, expires_in: this.ttlSeconds, token_type: 'Bearer' };
  }

  /** The subject of a valid token, 'expired', or undefined when unknown. */
  check(token: string | undefined): string | undefined {
    if (!token) return undefined;
    const entry = this.access.get(token);
    if (!entry) return undefined;
    return entry.expiresAt > Date.now() ? entry.subject : 'expired';
  }

  /** Trades a refresh token for a new pair (the old refresh token is used up). */
  useRefreshToken(refreshToken: string | undefined): IssuedToken | undefined {
    const subject = refreshToken ? this.refresh.get(refreshToken) : undefined;
    if (!subject || !refreshToken) return undefined;
    this.refresh.delete(refreshToken);
    return this.issue(subject);
  }

  revoke(token: string): boolean {
    const entry = this.access.get(token);
    if (entry) {
      this.access.delete(token);
      this.refresh.delete(entry.refreshToken);
      return true;
    }
    return this.refresh.delete(token);
  }

  /** Makes every issued access token expired (as if time had passed). */
  expireAll(): void {
    for (const entry of this.access.values()) entry.expiresAt = 0;
  }
}

export function bearerToken(headers: Record<string, string>): string | undefined {
  const value = headers.authorization;
  if (!value) return undefined;
  const match = /^Bearer\s+(.+)$/i.exec(value);
  return match ? match[1] : undefined;
}

/** Reads HTTP Basic client credentials, if any. */
export function basicCredentials(headers: Record<string, string>): { id: string; secret: string } | undefined {
  const match = /^Basic\s+(.+)$/i.exec(headers.authorization ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const i = decoded.indexOf(':');
  return i < 0 ? undefined : { id: decodeURIComponent(decoded.slice(0, i)), secret: decodeURIComponent(decoded.slice(i + 1)) };
}
