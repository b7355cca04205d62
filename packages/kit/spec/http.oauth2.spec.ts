import { expect } from 'chai';
import nock from 'nock';
import { AuthenticationError, ConnectorError, TransientError } from '../src/errors';
import { HttpClient } from '../src/http/client';
import { TokenAuth, clearTokenCache } from '../src/http/auth';
import { OAuthClient, clientCredentialsGrant, passwordGrant, refreshGrant } from '../src/http/oauth2';
import { timing } from '../src/util/timing';
import { FakeClock } from './helpers/fakeClock';

const AUTH = 'https://auth.example.test';
const API = 'https://api.example.test';
const SECRET = 'client-secret-XYZ';
const PASSWORD = 'pa55word-secret';
const client: OAuthClient = { tokenUrl: `${AUTH}/token`, clientId: 'my-client', clientSecret: SECRET };

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  try {
    await promise;
  } catch (error) {
    return error as ConnectorError;
  }
  throw new Error('expected a failure');
}

describe('OAuth2 grants', () => {
  const http = () => new HttpClient({ baseUrl: API, provider: 'Example' });
  let previousScale = 1;
  beforeEach(() => {
    previousScale = timing.scale;
    timing.scale = 0.001;
  });
  afterEach(() => {
    timing.scale = previousScale;
    nock.cleanAll();
    clearTokenCache();
  });

  it('client credentials in the form body (default), with scope and expiry', async () => {
    const scope = nock(AUTH)
      .post('/token', { grant_type: 'client_credentials', scope: 'read', client_id: 'my-client', client_secret: SECRET })
      .reply(200, { access_token: 'at-1', expires_in: 3600, token_type: 'bearer' });
    const before = Date.now();
    const token = await clientCredentialsGrant(http().anonymousSender, { ...client, scope: 'read' });
    expect(token).to.include({ accessToken: 'at-1', tokenType: 'bearer' });
    expect(token.expiresAt).to.be.within(before + 3_600_000, Date.now() + 3_600_000);
    scope.done();
  });

  it('client credentials with HTTP Basic, never in the body', async () => {
    const basic = `Basic ${Buffer.from(`my-client:${SECRET}`).toString('base64')}`;
    const scope = nock(AUTH)
      .post(
        '/token',
        (body: Record<string, string>) => body.grant_type === 'client_credentials' && !('client_secret' in body) && !('client_id' in body),
      )
      .matchHeader('authorization', basic)
      .reply(200, { access_token: 'at-2' });
    const token = await clientCredentialsGrant(http().anonymousSender, { ...client, clientAuth: 'basic' });
    expect(token.expiresAt).to.equal(undefined);
    scope.done();
  });

  it('invalid_client names the cause, never the secret (even when the server echoes it)', async () => {
    const scope = nock(AUTH)
      .post('/token')
      .reply(401, { error: 'invalid_client', error_description: `unknown secret ${SECRET}` });
    const error = await failure(clientCredentialsGrant(http().anonymousSender, client));
    expect(error).to.be.instanceOf(AuthenticationError);
    expect(error.message).to.include('the client id or client secret was rejected').and.not.include(SECRET);
    expect(error.providerMessage).to.equal('unknown secret ***');
    expect(error).to.include({ status: 401, providerCode: 'invalid_client' });
    scope.done();
  });

  it('invalid_grant on the password grant blames the username or password, never quoting it', async () => {
    const scope = nock(AUTH)
      .post('/token', { grant_type: 'password', username: 'ann', password: PASSWORD, client_id: 'my-client', client_secret: SECRET })
      .reply(400, { error: 'invalid_grant', error_description: `bad password ${PASSWORD}` });
    const error = await failure(passwordGrant(http().anonymousSender, client, 'ann', PASSWORD));
    expect(error.message).to.include('the username or password was rejected').and.not.include(PASSWORD);
    scope.done();
  });

  it('invalid_grant on the refresh grant says the refresh token is invalid or expired', async () => {
    const scope = nock(AUTH)
      .post('/token', { grant_type: 'refresh_token', refresh_token: 'rt-old-123', client_id: 'my-client', client_secret: SECRET })
      .reply(400, { error: 'invalid_grant' });
    const error = await failure(refreshGrant(http().anonymousSender, client, { accessToken: 'at', refreshToken: 'rt-old-123' }));
    expect(error.message).to.equal('Login failed: the refresh token is invalid or expired (invalid_grant)');
    scope.done();
  });

  it('explains unauthorized_client and other refusals', async () => {
    const scope = nock(AUTH).post('/token').reply(400, { error: 'unauthorized_client' }).post('/token').reply(403, 'Forbidden');
    expect((await failure(passwordGrant(http().anonymousSender, client, 'a', PASSWORD))).message).to.include('not allowed to use the password grant');
    expect((await failure(clientCredentialsGrant(http().anonymousSender, client))).message).to.equal(
      'Login failed: the token request failed with HTTP 403 (Forbidden)',
    );
    scope.done();
  });

  it('a token endpoint that answers without access_token is an AuthenticationError', async () => {
    const scope = nock(AUTH).post('/token').reply(200, { token_type: 'bearer' });
    expect(await failure(clientCredentialsGrant(http().anonymousSender, client))).to.be.instanceOf(AuthenticationError);
    scope.done();
  });

  it('a failing token endpoint stays retryable and its echo of the secret is removed', async () => {
    const scope = nock(AUTH)
      .post('/token')
      .times(3)
      .reply(503, { message: `down, secret ${SECRET}` });
    const client503 = new HttpClient({ baseUrl: API, retry: { retries: 2 } });
    const error = await failure(clientCredentialsGrant(client503.anonymousSender, client));
    expect(error).to.be.instanceOf(TransientError);
    expect(error.message).not.to.include(SECRET);
    expect(error.providerMessage).not.to.include(SECRET);
    scope.done();
  });

  it('the refresh grant keeps the old refresh token when the server does not rotate it', async () => {
    const scope = nock(AUTH).post('/token').reply(200, { access_token: 'at-new' });
    const next = await refreshGrant(http().anonymousSender, client, { accessToken: 'at-old', refreshToken: 'rt-keep' });
    expect(next).to.include({ accessToken: 'at-new', refreshToken: 'rt-keep' });
    scope.done();
  });

  describe('TokenAuth', () => {
    it('obtains once, reuses the token, renews before expiry via refresh and reports rotation', async () => {
      const previous = timing.clock;
      const clock = new FakeClock();
      timing.clock = clock;
      try {
        const rotated: string[] = [];
        const auth = new TokenAuth({
          obtain: (send) => clientCredentialsGrant(send, client),
          refresh: (send, current) => refreshGrant(send, client, current),
          onRotate: (t) => void rotated.push(t.accessToken),
          marginMs: 60_000,
        });
        const scope = nock(AUTH)
          .post('/token', (b: Record<string, string>) => b.grant_type === 'client_credentials')
          .reply(200, { access_token: 'at-a', refresh_token: 'rt-a', expires_in: 3600 })
          .post('/token', (b: Record<string, string>) => b.grant_type === 'refresh_token' && b.refresh_token === 'rt-a')
          .reply(200, { access_token: 'at-b', refresh_token: 'rt-b', expires_in: 30 })
          .post('/token', (b: Record<string, string>) => b.grant_type === 'refresh_token' && b.refresh_token === 'rt-b')
          .reply(200, { access_token: 'at-c', expires_in: 30 });
        const api = nock(API)
          .get('/x')
          .matchHeader('authorization', 'Bearer at-a')
          .times(2)
          .reply(200, {})
          .get('/x')
          .matchHeader('authorization', 'Bearer at-b')
          .times(2)
          .reply(200, {})
          .get('/x')
          .matchHeader('authorization', 'Bearer at-c')
          .reply(200, {});
        const httpClient = new HttpClient({ baseUrl: API, auth });
        await httpClient.request({ url: '/x' });
        clock.advance(3_600_000 - 61_000);
        await httpClient.request({ url: '/x' });
        // Inside the 60 s margin: renewed by the refresh grant first.
        clock.advance(2_000);
        await httpClient.request({ url: '/x' });
        // A 30 s token is used for half its life, not renewed before every request...
        clock.advance(10_000);
        await httpClient.request({ url: '/x' });
        // ...and renewed after that.
        clock.advance(6_000);
        await httpClient.request({ url: '/x' });
        expect(rotated).to.deep.equal(['at-a', 'at-b', 'at-c']);
        expect(auth.secrets()).to.have.members(['at-a', 'rt-a', 'at-b', 'rt-b', 'at-c']);
        scope.done();
        api.done();
      } finally {
        timing.clock = previous;
      }
    });

    it('falls back to a full login when the refresh is refused, and shares tokens by cache key', async () => {
      const options = {
        initial: { accessToken: 'at-0', refreshToken: 'rt-0' },
        obtain: (send: Parameters<typeof clientCredentialsGrant>[0]) => clientCredentialsGrant(send, client),
        refresh: (send: Parameters<typeof clientCredentialsGrant>[0], current: { accessToken: string; refreshToken?: string }) =>
          refreshGrant(send, client, current),
        cacheKey: 'creds-1',
      };
      const scope = nock(AUTH)
        .post('/token', (b: Record<string, string>) => b.grant_type === 'refresh_token')
        .reply(400, { error: 'invalid_grant' })
        .post('/token', (b: Record<string, string>) => b.grant_type === 'client_credentials')
        .reply(200, { access_token: 'at-1' });
      const api = nock(API).get('/x').reply(401).get('/x').matchHeader('authorization', 'Bearer at-1').times(2).reply(200, {});
      await new HttpClient({ baseUrl: API, auth: new TokenAuth(options) }).request({ url: '/x' });
      // A second strategy with the same cache key starts from the renewed token.
      await new HttpClient({ baseUrl: API, auth: new TokenAuth(options) }).request({ url: '/x' });
      scope.done();
      api.done();
    });

    it('without a way to renew, an expired token is an AuthenticationError and a 401 stands', async () => {
      const expired = new TokenAuth({ initial: { accessToken: 'at-x', expiresAt: 1 }, refresh: async () => ({ accessToken: 'n' }) });
      const error = await failure(new HttpClient({ baseUrl: API, auth: expired }).request({ url: '/x' }));
      expect(error.message).to.equal('The access token has expired and cannot be renewed');
      const fixed = new TokenAuth({ initial: { accessToken: 'at-y' } });
      const api = nock(API).get('/x').reply(401);
      expect(await failure(new HttpClient({ baseUrl: API, auth: fixed }).request({ url: '/x' }))).to.be.instanceOf(AuthenticationError);
      api.done();
    });
  });
});
