import {
  ConfigurationError,
  Emitter,
  OAuthClient,
  TokenAuth,
  TokenSet,
  hashKey,
  now,
  parseTimestamp,
  passwordGrant,
  readString,
  refreshGrant,
} from '@oih-suite/kit';

export type SmilebackConfig = Record<string, unknown>;

/** The only scope the Data Replication API documents; all we need is read access. */
const SCOPE = 'read';

/** How this step authenticates, and the key its throttle and token cache share. */
export interface SmilebackAuth {
  auth: TokenAuth;
  /** A hash of the credentials: every step of this customer in this process shares one budget. */
  key: string;
  client: OAuthClient;
  mode: 'password' | 'platform';
}

/** The elastic.io OAuth2 credential field (`cfg.oauth`), as the platform stores it. */
export interface PlatformOauth {
  access_token?: string;
  refresh_token?: string;
  expires_in?: number;
  expires_at?: string | number;
  token_type?: string;
  [other: string]: unknown;
}

export function readPlatformOauth(cfg: SmilebackConfig): PlatformOauth | undefined {
  const oauth = cfg.oauth;
  if (!oauth || typeof oauth !== 'object' || Array.isArray(oauth)) return undefined;
  const o = oauth as PlatformOauth;
  return o.access_token || o.refresh_token ? o : undefined;
}

/**
 * The credentials decide the grant: the platform's OAuth token (authorization-code grant done by
 * elastic.io) when `cfg.oauth` holds one, otherwise our own password grant at `/token/`.
 */
export function createAuth(cfg: SmilebackConfig, baseUrl: string, emitter?: Emitter): SmilebackAuth {
  const oauth = readPlatformOauth(cfg);
  const tokenUrl = `${baseUrl}/token/`;
  if (oauth) {
    // The platform's OAuth app: the step's own fields, else the component's OAuth environment.
    const clientId = readString(cfg, 'client_id') ?? process.env.SMILEBACK_CLIENT_ID ?? '';
    const clientSecret = readString(cfg, 'client_secret') ?? process.env.SMILEBACK_CLIENT_SECRET ?? '';
    const client: OAuthClient = { tokenUrl, clientId, clientSecret, scope: SCOPE };
    // Refresh tokens are single-use: refreshing where the new pair cannot be handed back to the
    // platform (no emitter, e.g. verifyCredentials) would leave the platform a dead token.
    const canRefresh = !!clientId && !!clientSecret && emitter !== undefined;
    const initial: TokenSet | undefined = oauth.access_token
      ? { accessToken: oauth.access_token, refreshToken: oauth.refresh_token, expiresAt: parseTimestamp(oauth.expires_at) }
      : undefined;
    const auth = new TokenAuth({
      initial: initial ?? { accessToken: '', refreshToken: oauth.refresh_token, expiresAt: 0 },
      refresh: canRefresh ? (send, current) => refreshGrant(send, client, current) : undefined,
      cacheKey: hashKey('smileback-oauth', baseUrl, oauth.refresh_token ?? oauth.access_token),
      onRotate: async (token) => {
        rememberToken(keyFor(cfg, baseUrl), token, client);
        await emitter?.updateKeys({ oauth: rotatedKeys(oauth, token) });
      },
    });
    return { auth, key: keyFor(cfg, baseUrl), client, mode: 'platform' };
  }
  const username = readString(cfg, 'username');
  const password = readString(cfg, 'password');
  const clientId = readString(cfg, 'client_id');
  const clientSecret = readString(cfg, 'client_secret');
  for (const [field, value] of Object.entries({ username, password, client_id: clientId, client_secret: clientSecret })) {
    if (!value) throw new ConfigurationError(field, 'is required (or connect SmileBack through the platform OAuth credential)');
  }
  const client: OAuthClient = { tokenUrl, clientId: clientId!, clientSecret: clientSecret!, scope: SCOPE };
  const key = keyFor(cfg, baseUrl);
  const auth = new TokenAuth({
    obtain: (send) => passwordGrant(send, client, username!, password!),
    refresh: (send, current) => refreshGrant(send, client, current),
    // One login per credential and process, not one per step run.
    cacheKey: hashKey('smileback-token', baseUrl, username, password, clientId, clientSecret),
    onRotate: (token) => rememberToken(key, token, client),
  });
  return { auth, key, client, mode: 'password' };
}

/**
 * SmileBack limits each customer, not each token: the key is the account (username, or the
 * platform credential) at one API root with one OAuth app. Secrets do not enter it.
 */
function keyFor(cfg: SmilebackConfig, baseUrl: string): string {
  const oauth = readPlatformOauth(cfg);
  const who = readString(cfg, 'username') ?? (oauth ? 'platform-oauth' : '');
  return hashKey('smileback', baseUrl, readString(cfg, 'client_id') ?? process.env.SMILEBACK_CLIENT_ID ?? '', who);
}

function rotatedKeys(previous: PlatformOauth, token: TokenSet): PlatformOauth {
  const keys: PlatformOauth = { ...previous, access_token: token.accessToken };
  if (token.refreshToken) keys.refresh_token = token.refreshToken;
  if (token.tokenType) keys.token_type = token.tokenType;
  if (token.expiresAt !== undefined) {
    keys.expires_at = new Date(token.expiresAt).toISOString();
    keys.expires_in = Math.max(0, Math.round((token.expiresAt - now()) / 1000));
  } else {
    delete keys.expires_at;
  }
  return keys;
}

/** The newest token obtained per credential in this process: what the shutdown hook revokes. */
const latest = new Map<string, { token: TokenSet; client: OAuthClient }>();

function rememberToken(key: string, token: TokenSet, client: OAuthClient): void {
  latest.set(key, { token, client });
}

export function takeLatestToken(cfg: SmilebackConfig, baseUrl: string): { token: TokenSet; client: OAuthClient } | undefined {
  const key = keyFor(cfg, baseUrl);
  const entry = latest.get(key);
  latest.delete(key);
  return entry;
}

/** Tests: forget the tokens remembered for shutdown. */
export function forgetTokens(): void {
  latest.clear();
}
