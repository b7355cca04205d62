import { expect } from 'chai';
import nock from 'nock';
import { AuthenticationError, ProviderError } from '@oih-suite/kit';
import verifyCredentials from '../lib/verifyCredentials';
import { BASE, CREDS, envelope, freshState, load, runAction } from './helpers';

const getMember = load<{ process: unknown }>('actions', 'getMember');
const token = (accessToken: string, expiresIn = 7200) => ({
  code: '200',
  msg: 'success',
  data: { accessToken, refreshToken: `ref-${accessToken}`, expiresIn },
});

describe('socialhub client: tokens, envelope and secrets', () => {
  beforeEach(freshState);
  afterEach(() => nock.cleanAll());

  it('sends the raw token (no "Bearer") and refreshes it through /v1/auth/refreshToken before it expires', async () => {
    const scope = nock(BASE)
      .post('/v1/auth/token', CREDS)
      .reply(200, token('tok-short', 30))
      .get('/v1/member/M1')
      .matchHeader('authorization', 'tok-short')
      .reply(200, envelope({ cardNo: 'M1' }))
      .post('/v1/auth/refreshToken', { refreshToken: 'ref-tok-short' })
      .matchHeader('authorization', 'ref-tok-short')
      .reply(200, token('tok-2'))
      .get('/v1/member/M1')
      .matchHeader('authorization', 'tok-2')
      .reply(200, envelope({ cardNo: 'M1' }));
    const first = await runAction(getMember, { cardNo: 'M1' });
    const second = await runAction(getMember, { cardNo: 'M1' });
    expect(first.error).to.equal(undefined);
    expect(second.error).to.equal(undefined);
    expect(scope.isDone()).to.equal(true);
  });

  it('renews once on a 401 and repeats the request with the new token', async () => {
    const scope = nock(BASE)
      .post('/v1/auth/token', CREDS)
      .reply(200, token('tok-1'))
      .get('/v1/member/M1')
      .matchHeader('authorization', 'tok-1')
      .reply(401, { code: '401', msg: 'access token expired' })
      .post('/v1/auth/refreshToken', { refreshToken: 'ref-tok-1' })
      .reply(200, token('tok-2'))
      .get('/v1/member/M1')
      .matchHeader('authorization', 'tok-2')
      .reply(200, envelope({ cardNo: 'M1' }));
    const outcome = await runAction(getMember, { cardNo: 'M1' });
    expect(outcome.error).to.equal(undefined);
    expect(outcome.self.data).to.have.length(1);
    expect(scope.isDone()).to.equal(true);
  });

  it('treats an HTTP 200 with code 401 in the envelope as an expired token, and logs in again when the refresh is refused', async () => {
    const scope = nock(BASE)
      .post('/v1/auth/token', CREDS)
      .reply(200, token('tok-1'))
      .get('/v1/member/M1')
      .reply(200, { code: '401', msg: 'token invalid' })
      .post('/v1/auth/refreshToken')
      .reply(200, { code: '40102', msg: 'refresh token expired' })
      .post('/v1/auth/token', CREDS)
      .reply(200, token('tok-3'))
      .get('/v1/member/M1')
      .matchHeader('authorization', 'tok-3')
      .reply(200, envelope({ cardNo: 'M1' }));
    const outcome = await runAction(getMember, { cardNo: 'M1' });
    expect(outcome.error).to.equal(undefined);
    expect(scope.isDone()).to.equal(true);
  });

  for (const [field, body] of [
    ['msg', { code: '500', msg: 'card M1 is frozen' }],
    ['resultMessage', { code: 10086, resultMessage: 'card M1 is frozen' }],
  ] as const) {
    it(`an HTTP 200 with a non-200 code is a business error carrying ${field}, never a success`, async () => {
      const scope = nock(BASE).post('/v1/auth/token').reply(200, token('tok-1')).get('/v1/member/M1').reply(200, body);
      const outcome = await runAction(getMember, { cardNo: 'M1' });
      expect(outcome.error).to.be.instanceOf(ProviderError);
      expect(outcome.error!.message).to.equal(`SocialHub rejected GET /v1/member/M1 (record M1) (code ${body.code}): card M1 is frozen`);
      expect((outcome.error as ProviderError).recordId).to.equal('M1');
      expect((outcome.error as ProviderError).providerCode).to.equal(String(body.code));
      expect(outcome.self.data).to.deep.equal([]);
      expect(outcome.self.rebounds).to.deep.equal([]);
      expect(scope.isDone()).to.equal(true);
    });
  }

  it('keeps the app secret and tokens out of errors, logs and emitted messages', async () => {
    const scope = nock(BASE)
      .post('/v1/auth/token')
      .reply(200, token('tok-secret-1234'))
      .get('/v1/member/M1')
      .reply(200, { code: '400', msg: `bad token tok-secret-1234 for app ${CREDS.appSecret}` });
    const outcome = await runAction(getMember, { cardNo: 'M1' });
    const everything = JSON.stringify([outcome.error?.message, outcome.error?.stack, outcome.self.events, outcome.self.logs]);
    expect(everything).to.not.include('tok-secret-1234');
    expect(everything).to.not.include(CREDS.appSecret);
    expect(outcome.error!.message).to.equal('SocialHub rejected GET /v1/member/M1 (record M1) (code 400): bad token *** for app ***');
    expect(scope.isDone()).to.equal(true);
  });

  it('a 429 is retried after Retry-After', async () => {
    const { timing } = await import('@oih-suite/kit/engine');
    const previous = timing.scale;
    timing.scale = 0.001;
    try {
      const scope = nock(BASE)
        .post('/v1/auth/token')
        .reply(200, token('tok-1'))
        .get('/v1/member/M1')
        .reply(429, { code: '429', msg: 'too many requests' }, { 'Retry-After': '2' })
        .get('/v1/member/M1')
        .reply(200, envelope({ cardNo: 'M1' }));
      const outcome = await runAction(getMember, { cardNo: 'M1' });
      expect(outcome.error).to.equal(undefined);
      expect(scope.isDone()).to.equal(true);
    } finally {
      timing.scale = previous;
    }
  });

  describe('verifyCredentials', () => {
    it('returns {verified: true} when a token is issued', async () => {
      const scope = nock(BASE).post('/v1/auth/token', CREDS).reply(200, token('tok-1'));
      expect(await verifyCredentials({ ...CREDS })).to.deep.equal({ verified: true });
      expect(scope.isDone()).to.equal(true);
    });

    it('returns {verified: false, reason} for refused credentials, without the secret', async () => {
      const scope = nock('https://tenant.example.com')
        .post('/openapi/v1/auth/token', CREDS)
        .reply(200, { code: '40001', msg: 'appId or appSecret is invalid' });
      const result = await verifyCredentials({ ...CREDS, baseUrl: 'https://tenant.example.com/openapi' });
      expect(result).to.deep.equal({ verified: false, reason: 'SocialHub refused the app credentials (code 40001): appId or appSecret is invalid' });
      expect(scope.isDone()).to.equal(true);
    });

    it('returns {verified: false, reason} naming a missing field', async () => {
      expect(await verifyCredentials({ appId: 'a' })).to.deep.equal({ verified: false, reason: 'appSecret: is required' });
    });
  });

  it('a refused login is an AuthenticationError', async () => {
    const scope = nock(BASE).post('/v1/auth/token').reply(200, { code: '40001', msg: 'appId or appSecret is invalid' });
    const outcome = await runAction(getMember, { cardNo: 'M1' });
    expect(outcome.error).to.be.instanceOf(AuthenticationError);
    expect(scope.isDone()).to.equal(true);
  });

  it('a token endpoint redirecting to another host: AuthenticationError naming it, the app secret never re-posted', async () => {
    // No interceptor for the other host: nothing may reach it.
    const scope = nock(BASE).post('/v1/auth/token', CREDS).reply(307, '', { Location: 'https://evil.example.net/v1/auth/token' });
    const outcome = await runAction(getMember, { cardNo: 'M1' });
    expect(outcome.error).to.be.instanceOf(AuthenticationError);
    expect(outcome.error?.message).to.include('evil.example.net').and.include('never follow redirects');
    expect(JSON.stringify([outcome.error?.message, outcome.self.events, outcome.self.logs])).to.not.include(CREDS.appSecret);
    scope.done();
  });

  it('a token endpoint echoing the app secret in its message: masked in message and every error property', async () => {
    const scope = nock(BASE)
      .post('/v1/auth/token', CREDS)
      .reply(200, { code: '40001', msg: `bad appSecret ${JSON.stringify(CREDS)}`, resultCode: CREDS.appSecret });
    const outcome = await runAction(getMember, { cardNo: 'M1' });
    const error = outcome.error as AuthenticationError;
    expect(error).to.be.instanceOf(AuthenticationError);
    expect(JSON.stringify([error.message, error.providerMessage, error.providerCode, outcome.self.logs])).to.not.include(CREDS.appSecret);
    scope.done();
  });
});
