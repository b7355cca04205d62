import { AuthenticationError, ConnectorError, redactError } from '../errors';
import { Redactor } from '../util/redact';
import { now } from '../util/timing';
import type { TokenSet, UnauthenticatedSender } from './auth';

export interface OAuthClient {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** Where the client credentials go: the form body (default) or HTTP Basic. */
  clientAuth?: 'body' | 'basic';
  scope?: string;
}

interface TokenResponse {
  access_token?: string;
  refresh_token?: string;
  expires_in?: number | string;
  token_type?: string;
  error?: string;
  error_description?: string;
}

/** Runs one OAuth2 token request (RFC 6749 §4.3, §4.4, §6) and explains a refusal. */
export async function oauth2Token(send: UnauthenticatedSender, client: OAuthClient, grant: Record<string, string | undefined>): Promise<TokenSet> {
  const form: Record<string, string | undefined> = { ...grant, scope: grant.scope ?? client.scope };
  const headers: Record<string, string> = {};
  if (client.clientAuth === 'basic') {
    headers.Authorization = `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')}`;
  } else {
    form.client_id = client.clientId;
    form.client_secret = client.clientSecret;
  }
  let body: TokenResponse | undefined;
  // Token endpoints sometimes echo what they were sent (form-encoded, JSON-escaped, as Basic credentials).
  const scrub = new Redactor().addBasic(client.clientId, client.clientSecret).add(grant.password, grant.refresh_token);
  try {
    const response = await send<TokenResponse>({
      method: 'POST',
      url: client.tokenUrl,
      form,
      headers,
      idempotent: true,
      tokenRequest: true,
      expect: 'object',
    });
    body = response.data;
  } catch (error) {
    // A redirect was refused before anything went to its target: that error already says so.
    const redirected = error instanceof ConnectorError && error.status !== undefined && error.status >= 300 && error.status < 400;
    if (!redirected && error instanceof ConnectorError && error.status && error.status < 500 && error.status !== 429)
      throw explainTokenError(grant.grant_type, error, scrub);
    throw redactError(error, scrub);
  }
  if (!body || typeof body !== 'object' || !body.access_token) {
    throw new AuthenticationError(`The token endpoint answered without an access_token (grant ${grant.grant_type})`);
  }
  const expiresIn = Number(body.expires_in);
  return {
    accessToken: body.access_token,
    refreshToken: body.refresh_token,
    tokenType: body.token_type,
    expiresAt: Number.isFinite(expiresIn) && expiresIn > 0 ? now() + expiresIn * 1000 : undefined,
  };
}

function explainTokenError(grantType: string | undefined, error: ConnectorError, scrub: Redactor): AuthenticationError {
  const code = String(error.providerCode ?? '');
  const providerMessage = error.providerMessage ? scrub.text(error.providerMessage) : undefined;
  const said = providerMessage ? ` (${providerMessage})` : '';
  let cause: string;
  if (code === 'invalid_client') cause = 'the client id or client secret was rejected';
  else if (code === 'invalid_grant' && grantType === 'password') cause = 'the username or password was rejected';
  else if (code === 'invalid_grant' && grantType === 'refresh_token') cause = 'the refresh token is invalid or expired';
  else if (code === 'unauthorized_client') cause = `the client is not allowed to use the ${grantType} grant`;
  else cause = `the token request failed with HTTP ${error.status}`;
  return redactError(
    new AuthenticationError(`Login failed: ${cause}${said}`, { status: error.status, providerMessage, providerCode: error.providerCode }),
    scrub,
  );
}

export const clientCredentialsGrant = (send: UnauthenticatedSender, client: OAuthClient): Promise<TokenSet> =>
  oauth2Token(send, client, { grant_type: 'client_credentials' });

export const passwordGrant = (send: UnauthenticatedSender, client: OAuthClient, username: string, password: string): Promise<TokenSet> =>
  oauth2Token(send, client, { grant_type: 'password', username, password });

export const refreshGrant = async (send: UnauthenticatedSender, client: OAuthClient, current: TokenSet): Promise<TokenSet> => {
  const next = await oauth2Token(send, client, { grant_type: 'refresh_token', refresh_token: current.refreshToken });
  // Some servers do not rotate the refresh token: keep the one we had.
  return { ...next, refreshToken: next.refreshToken ?? current.refreshToken };
};
