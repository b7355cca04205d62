import { expect } from 'chai';
import nock from 'nock';
import { shutdownOf, timing } from '@oih-suite/kit/engine';
import { runProcess } from '@oih-suite/kit/testing';
import lookupReview from '../lib/actions/lookupReview';
import { smileback } from '../lib/provider';
import trigger from '../lib/triggers/getCsatAgentsPolling';
import verifyCredentials from '../lib/verifyCredentials';
import { CFG, NOW_MS, ORIGIN, PASSWORD_FORM, REFRESH, TOKEN, page, review, tokenInterceptor, useNock } from './helpers';

const shutdown = shutdownOf(smileback);
const SECRETS = /pw-very-private|secret-very-private|access-token-0123456789|refresh-token-0123456789/;

describe('smileback credentials', () => {
  useNock();

  it('a wrong username or password names the cause and never the secret', async () => {
    nock(ORIGIN).post('/api/token/', PASSWORD_FORM).reply(400, { error: 'invalid_grant', error_description: 'Invalid credentials given.' });
    const { error, self } = await runProcess(trigger.process, {}, CFG, {});
    expect(error?.name).to.equal('AuthenticationError');
    expect(error?.message).to.equal('Login failed: the username or password was rejected (Invalid credentials given.)');
    expect(JSON.stringify([error?.stack, self.events, self.logs])).not.to.match(SECRETS);
  });

  it('a wrong client id or secret names the cause', async () => {
    nock(ORIGIN).post('/api/token/', PASSWORD_FORM).reply(401, { error: 'invalid_client' });
    const result = await verifyCredentials(CFG);
    expect(result).to.deep.equal({ verified: false, reason: 'Login failed: the client id or client secret was rejected (invalid_client)' });
  });

  it('verifyCredentials logs in and reads one agent', async () => {
    const api = nock(ORIGIN);
    tokenInterceptor(api);
    api
      .get('/api/v3/csat-agents/')
      .query({ limit: '1' })
      .matchHeader('authorization', `Bearer ${TOKEN}`)
      .reply(200, page([{ id: '1', name: 'AshK' }]));
    expect(await verifyCredentials(CFG)).to.deep.equal({ verified: true });
  });

  it('missing credentials name the field before anything is sent', async () => {
    expect(await verifyCredentials({ ...CFG, password: '' })).to.deep.equal({
      verified: false,
      reason: 'password: is required (or connect SmileBack through the platform OAuth credential)',
    });
  });

  it('a 401 on data renews the token with the refresh grant and repeats the request', async () => {
    const api = nock(ORIGIN);
    tokenInterceptor(api);
    api
      .get('/api/v3/reviews/7/')
      .matchHeader('authorization', `Bearer ${TOKEN}`)
      .reply(401, { detail: 'Authentication credentials were not provided.' });
    api
      .post(
        '/api/token/',
        'grant_type=refresh_token&refresh_token=refresh-token-0123456789&scope=read&client_id=client-abc&client_secret=secret-very-private',
      )
      .reply(200, { access_token: 'access-2-0123456789', refresh_token: 'refresh-2-0123456789', expires_in: 36_000, token_type: 'Bearer' });
    api.get('/api/v3/reviews/7/').matchHeader('authorization', 'Bearer access-2-0123456789').reply(200, review(7, '2024-12-12T01:48:58.533361Z'));
    const { self, error } = await runProcess(lookupReview.process, { body: { id: '7' } }, CFG);
    expect(error).to.equal(undefined);
    expect(self.data.map((m) => m.metadata)).to.deep.equal([{ recordUid: '7', applicationUid: 'smileback' }]);
    // Password-grant tokens are ours: nothing is handed to the platform.
    expect(self.of('updateKeys')).to.deep.equal([]);
  });

  it('refreshes before expiry: a later run within the token margin uses the refresh grant first', async () => {
    const api = nock(ORIGIN);
    tokenInterceptor(api, { expires_in: 600 });
    api.get('/api/v3/reviews/7/').matchHeader('authorization', `Bearer ${TOKEN}`).reply(200, review(7, '2024-12-12T01:48:58.533361Z'));
    api
      .post(
        '/api/token/',
        'grant_type=refresh_token&refresh_token=refresh-token-0123456789&scope=read&client_id=client-abc&client_secret=secret-very-private',
      )
      .reply(200, { access_token: 'access-2-0123456789', refresh_token: 'refresh-2-0123456789', expires_in: 600 });
    api.get('/api/v3/reviews/7/').matchHeader('authorization', 'Bearer access-2-0123456789').reply(200, review(7, '2024-12-12T01:48:58.533361Z'));
    expect((await runProcess(lookupReview.process, { body: { id: '7' } }, CFG)).error).to.equal(undefined);
    // 9.5 minutes later: within a minute of the 10-minute expiry.
    timing.clock = { ...timing.clock, now: () => NOW_MS + 570_000 };
    expect((await runProcess(lookupReview.process, { body: { id: '7' } }, CFG)).error).to.equal(undefined);
  });

  it('a platform OAuth token is refreshed on 401 and the rotated tokens go back to the platform (updateKeys)', async () => {
    const cfg = {
      baseUrl: CFG.baseUrl,
      client_id: 'client-abc',
      client_secret: 'secret-very-private',
      oauth: { access_token: 'old-access-0001', refresh_token: 'old-refresh-0001', token_type: 'Bearer' },
    };
    const api = nock(ORIGIN);
    api
      .get('/api/v3/reviews/7/')
      .matchHeader('authorization', 'Bearer old-access-0001')
      .reply(401, { detail: 'Authentication credentials were not provided.' });
    api
      .post(
        '/api/token/',
        'grant_type=refresh_token&refresh_token=old-refresh-0001&scope=read&client_id=client-abc&client_secret=secret-very-private',
      )
      .reply(200, { access_token: 'new-access-0002', refresh_token: 'new-refresh-0002', expires_in: 36_000, token_type: 'Bearer' });
    api.get('/api/v3/reviews/7/').matchHeader('authorization', 'Bearer new-access-0002').reply(200, review(7, '2024-12-12T01:48:58.533361Z'));
    const { self, error } = await runProcess(lookupReview.process, { body: { id: '7' } }, cfg);
    expect(error).to.equal(undefined);
    expect(self.of('updateKeys')).to.deep.equal([
      {
        oauth: {
          access_token: 'new-access-0002',
          refresh_token: 'new-refresh-0002',
          token_type: 'Bearer',
          expires_at: new Date(NOW_MS + 36_000_000).toISOString(),
          expires_in: 36_000,
        },
      },
    ]);
    expect(JSON.stringify(self.data)).not.to.match(/new-access|new-refresh|old-access|old-refresh/);
  });

  it('shutdown revokes the access and refresh tokens this process obtained at /revoke/', async () => {
    const api = nock(ORIGIN);
    tokenInterceptor(api);
    api.get('/api/v3/reviews/7/').reply(200, review(7, '2024-12-12T01:48:58.533361Z'));
    api
      .post('/api/revoke/', `token=${TOKEN}&token_type_hint=access_token&client_id=client-abc&client_secret=secret-very-private`)
      .matchHeader('content-type', 'application/x-www-form-urlencoded')
      .reply(200, '');
    api.post('/api/revoke/', `token=${REFRESH}&token_type_hint=refresh_token&client_id=client-abc&client_secret=secret-very-private`).reply(200, '');
    expect((await runProcess(lookupReview.process, { body: { id: '7' } }, CFG)).error).to.equal(undefined);
    const logs: unknown[] = [];
    const logger = {
      info: (...args: unknown[]) => logs.push(args),
      warn: (...args: unknown[]) => logs.push(args),
      error: (...args: unknown[]) => logs.push(args),
    };
    await shutdown.call({ logger }, CFG);
    expect(JSON.stringify(logs)).to.include('SmileBack token revoked');
    expect(JSON.stringify(logs)).not.to.match(SECRETS);
  });

  it('shutdown without a token of this process revokes nothing and does not fail', async () => {
    const logs: unknown[] = [];
    const logger = { info: (...args: unknown[]) => logs.push(args), error: (...args: unknown[]) => logs.push(args) };
    await shutdown.call({ logger }, CFG);
    expect(JSON.stringify(logs)).to.include('No SmileBack token to revoke');
  });

  it('verifyCredentials with a platform OAuth token never spends its refresh token (the new pair could not be handed back)', async () => {
    const cfg = {
      baseUrl: CFG.baseUrl,
      client_id: 'client-abc',
      client_secret: 'secret-very-private',
      oauth: { access_token: 'old-access-0001', refresh_token: 'old-refresh-0001' },
    };
    nock(ORIGIN).get('/api/v3/csat-agents/').query({ limit: '1' }).reply(401, { detail: 'Authentication credentials were not provided.' });
    const result = await verifyCredentials(cfg);
    expect(result).to.deep.equal({
      verified: false,
      reason: 'SmileBack refused the credentials (HTTP 401) on GET /v3/csat-agents/: Authentication credentials were not provided.',
    });
  });
});
