import { expect } from 'chai';
import nock from 'nock';
import sinon from 'sinon';
import { AuthenticationError, ProviderError, RateLimitError, TransientError } from '../src/errors';
import type { ConnectorError } from '../src/errors';
import { HttpClient, HttpClientOptions } from '../src/http/client';
import { HeaderAuth, TokenAuth } from '../src/http/auth';
import { Throttle } from '../src/http/throttle';
import { Redactor } from '../src/util/redact';
import { timing } from '../src/util/timing';
import { useFakeClock } from './helpers/fakeClock';
import { rejection } from './helpers/promises';

const failure = (promise: Promise<unknown>) => rejection<ConnectorError>(promise);

const BASE = 'https://api.example.test';

describe('HttpClient', () => {
  const clockOf = useFakeClock();
  const make = (options: Partial<HttpClientOptions> = {}) => new HttpClient({ baseUrl: BASE, provider: 'Example', ...options });

  afterEach(() => nock.cleanAll());

  describe('retries', () => {
    it('waits the Retry-After seconds of a 429, then succeeds', async () => {
      const scope = nock(BASE).get('/items').reply(429, { message: 'slow down' }, { 'Retry-After': '7' }).get('/items').reply(200, { ok: 1 });
      const response = await make().request({ url: '/items' });
      expect(response.data).to.deep.equal({ ok: 1 });
      expect(clockOf().sleeps).to.deep.equal([7000]);
      scope.done();
    });

    it('waits until the HTTP-date of a 429 Retry-After', async () => {
      const until = new Date(clockOf().now() + 3000).toUTCString();
      const scope = nock(BASE).get('/items').reply(429, '', { 'Retry-After': until }).get('/items').reply(200, []);
      await make().request({ url: '/items' });
      expect(clockOf().sleeps).to.deep.equal([3000]);
      scope.done();
    });

    it('penalizes the shared throttle after a 429 so other callers hold back too', async () => {
      const throttle = new Throttle([{ limit: 100, intervalMs: 1000 }]);
      const scope = nock(BASE).get('/a').reply(429, '', { 'Retry-After': '4' }).get('/a').reply(200, {});
      const penalize = sinon.spy(throttle, 'penalize');
      await make({ throttle }).request({ url: '/a' });
      // The retry itself waited 4 s (sleep) and then found the throttle's penalty served.
      expect(clockOf().sleeps).to.deep.equal([4000]);
      expect(penalize.firstCall.args).to.deep.equal([4000]);
      scope.done();
      // With shrunken waits (tests), the penalty shrinks the same way.
      timing.scale = 0.01;
      try {
        const again = nock(BASE).get('/a').reply(429, '', { 'Retry-After': '4' }).get('/a').reply(200, {});
        await make({ throttle }).request({ url: '/a' });
        expect(penalize.secondCall.args).to.deep.equal([40]);
        again.done();
      } finally {
        timing.scale = 1;
      }
    });

    it('retries a 503 with backoff, then succeeds', async () => {
      const scope = nock(BASE).get('/items').reply(503, 'busy').get('/items').reply(200, { ok: true });
      const response = await make().request({ url: '/items' });
      expect(response.status).to.equal(200);
      expect(clockOf().sleeps).to.have.length(1);
      expect(clockOf().sleeps[0]).to.be.within(500, 1000);
      scope.done();
    });

    it('does not retry a POST after a 5xx (it may have been processed)', async () => {
      const scope = nock(BASE).post('/items').reply(502, { message: 'bad gateway' });
      const error = await failure(make().request({ method: 'POST', url: '/items', json: { a: 1 }, recordId: 'r-9' }));
      expect(error).to.be.instanceOf(TransientError);
      expect(error.message).to.include('HTTP 502').and.include('bad gateway').and.include('record r-9');
      expect(clockOf().sleeps).to.deep.equal([]);
      scope.done();
    });

    it('retries a POST after a 429 (the provider did not process it)', async () => {
      const scope = nock(BASE).post('/items', { a: 1 }).reply(429, '', { 'Retry-After': '1' }).post('/items', { a: 1 }).reply(201, { id: 5 });
      const response = await make().request({ method: 'POST', url: '/items', json: { a: 1 } });
      expect(response.status).to.equal(201);
      scope.done();
    });

    it('retries a GET after a network error', async () => {
      const scope = nock(BASE)
        .get('/items')
        .replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))
        .get('/items')
        .reply(200, [1]);
      const response = await make().request({ url: '/items' });
      expect(response.data).to.deep.equal([1]);
      scope.done();
    });

    it('does not retry a POST after a network error, and says the provider could not be reached', async () => {
      const scope = nock(BASE)
        .post('/items')
        .replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
      const error = await failure(make().request({ method: 'POST', url: '/items', json: {}, recordId: 'r-1' }));
      expect(error).to.be.instanceOf(TransientError);
      expect(error.retryable).to.equal(true);
      expect(error.message).to.include('ECONNRESET').and.include('POST /items');
      expect(error.recordId).to.equal('r-1');
      scope.done();
    });

    it('gives up with a retryable RateLimitError when the wait budget is exceeded', async () => {
      const scope = nock(BASE).get('/items').times(3).reply(429, { message: 'quota' }, { 'Retry-After': '2' });
      const error = await failure(make({ retry: { budgetMs: 5000 } }).request({ url: '/items' }));
      expect(error).to.be.instanceOf(RateLimitError);
      expect(error.retryable).to.equal(true);
      expect((error as RateLimitError).retryAfterMs).to.equal(2000);
      expect(error.status).to.equal(429);
      expect(error.message).to.include('after waiting 4 s').and.include('quota');
      expect(clockOf().sleeps).to.deep.equal([2000, 2000]);
      scope.done();
    });

    it('does not wait for a Retry-After longer than maxRetryAfterMs', async () => {
      const scope = nock(BASE).get('/items').reply(429, '', { 'Retry-After': '3600' });
      const error = await failure(make().request({ url: '/items' }));
      expect(error).to.be.instanceOf(RateLimitError);
      expect(clockOf().sleeps).to.deep.equal([]);
      scope.done();
    });

    it('stops after the maximum number of retries with a TransientError', async () => {
      const scope = nock(BASE)
        .get('/items')
        .times(3)
        .reply(500, { error: { message: 'boom', code: 'E1' } });
      const error = await failure(make({ retry: { retries: 2 } }).request({ url: '/items' }));
      expect(error).to.be.instanceOf(TransientError);
      expect(error).to.include({ status: 500, providerMessage: 'boom', providerCode: 'E1' });
      scope.done();
    });
  });

  describe('authentication', () => {
    const tokenAuth = (obtained: string[]) =>
      new TokenAuth({
        initial: { accessToken: 'old-token-1' },
        obtain: async () => {
          obtained.push('x');
          // Let the concurrent 401s all arrive while this renewal is in flight.
          await new Promise((r) => setTimeout(r, 5));
          return { accessToken: `new-token-${obtained.length + 1}` };
        },
      });

    it('renews the token once for concurrent 401s (single flight), then retries each request', async () => {
      const obtained: string[] = [];
      const scope = nock(BASE)
        .get(/\/r\d/)
        .matchHeader('authorization', 'Bearer old-token-1')
        .times(3)
        .reply(401, { message: 'token expired' })
        .get(/\/r\d/)
        .matchHeader('authorization', 'Bearer new-token-2')
        .times(3)
        .reply(200, (uri) => ({ uri }));
      const client = make({ auth: tokenAuth(obtained) });
      const responses = await Promise.all(['/r1', '/r2', '/r3'].map((url) => client.request<{ uri: string }>({ url })));
      expect(responses.map((r) => r.data.uri)).to.deep.equal(['/r1', '/r2', '/r3']);
      expect(obtained).to.have.length(1);
      scope.done();
    });

    it('a second 401 after the renewal is an AuthenticationError that names neither token', async () => {
      const obtained: string[] = [];
      const scope = nock(BASE).get('/me').times(2).reply(401, { message: 'bad token new-token-2' });
      const error = await failure(make({ auth: tokenAuth(obtained) }).request({ url: '/me' }));
      expect(error).to.be.instanceOf(AuthenticationError);
      expect(error.status).to.equal(401);
      expect(error.message).to.include('HTTP 401').and.not.include('new-token-2').and.not.include('old-token-1');
      expect(obtained).to.have.length(1);
      scope.done();
    });

    it('a 401 with a fixed API key is not retried', async () => {
      const scope = nock(BASE).get('/me').matchHeader('x-api-key', 'key-123456').reply(401, { message: 'Invalid API key key-123456' });
      const client = make({ auth: new HeaderAuth('x-api-key', 'key-123456') });
      const error = await failure(client.request({ url: '/me' }));
      expect(error).to.be.instanceOf(AuthenticationError);
      expect(error.message).to.include('Invalid API key ***').and.not.include('key-123456');
      scope.done();
    });

    it('a 200 whose body says the token expired renews and retries; if it persists, it is an AuthenticationError', async () => {
      const obtained: string[] = [];
      const inspect = (r: { data: unknown }) => ((r.data as { expired?: boolean }).expired ? ('unauthorized' as const) : undefined);
      const scope = nock(BASE).get('/x').reply(200, { expired: true }).get('/x').reply(200, { expired: false });
      await make({ auth: tokenAuth(obtained), inspect }).request({ url: '/x' });
      expect(obtained).to.have.length(1);
      scope.done();
      const again = nock(BASE).get('/y').times(2).reply(200, { expired: true });
      const error = await failure(make({ auth: tokenAuth([]), inspect }).request({ url: '/y' }));
      expect(error).to.be.instanceOf(AuthenticationError);
      again.done();
    });
  });

  describe('errors', () => {
    it('carry the status, the provider message and the record id', async () => {
      const scope = nock(BASE).put('/people/p-7').reply(422, { message: 'email is invalid', code: 'VALIDATION' });
      const error = await failure(make().request({ method: 'PUT', url: '/people/p-7', json: {}, recordId: 'p-7' }));
      expect(error).to.be.instanceOf(ProviderError);
      expect(error).to.include({ status: 422, providerMessage: 'email is invalid', providerCode: 'VALIDATION', recordId: 'p-7' });
      expect(error.message).to.equal('Example rejected PUT /people/p-7 (record p-7) with HTTP 422: email is invalid');
      scope.done();
    });

    it('never contain passwords or tokens, in the provider message or the URL', async () => {
      const redactor = new Redactor().add('hunter2-password');
      const scope = nock(BASE)
        .get('/login')
        .query(true)
        .reply(400, { error: 'invalid_request', error_description: 'user pw hunter2-password wrong' });
      const error = await failure(
        make({ redactor }).request({ url: '/login?token=tok-abcdef&user=u&api_key=k-123456&client_secret=cs-98765&key=kk-1111' }),
      );
      expect(error.message)
        .not.to.include('hunter2-password')
        .and.not.include('tok-abcdef')
        .and.not.include('k-123456')
        .and.not.include('cs-98765')
        .and.not.include('kk-1111');
      expect(error.message).to.include('/login?token=***&user=u&api_key=***&client_secret=***&key=***').and.include('user pw *** wrong');
      expect(error.providerCode).to.equal('invalid_request');
      scope.done();
    });

    it('uses a custom describeError and accepts listed statuses as answers', async () => {
      const scope = nock(BASE).get('/a').reply(404, { problem: 'no such thing' }).get('/b').reply(400, { problem: 'bad' });
      const client = make({ describeError: (_s, body) => ({ message: (body as { problem: string }).problem }) });
      expect((await client.request({ url: '/a', acceptStatuses: [404] })).status).to.equal(404);
      const error = await failure(client.request({ url: '/b' }));
      expect(error.providerMessage).to.equal('bad');
      scope.done();
    });
  });

  describe('streams', () => {
    it('hands a successful stream over untouched and reads a failed one for its error', async () => {
      const scope = nock(BASE).get('/export').reply(200, 'a,b\n1,2\n').get('/export').reply(400, { message: 'no export today' });
      const client = make();
      expect(client.baseUrl).to.equal(BASE);
      const ok = await client.request<NodeJS.ReadableStream>({ url: '/export', responseType: 'stream' });
      const chunks: Buffer[] = [];
      for await (const chunk of ok.data) chunks.push(Buffer.from(chunk as Buffer));
      expect(Buffer.concat(chunks).toString('utf8')).to.equal('a,b\n1,2\n');
      const error = await failure(client.request({ url: '/export', responseType: 'stream' }));
      expect(error.providerMessage).to.equal('no export today');
      scope.done();
    });
  });

  describe('requests', () => {
    it('sends query arrays, form bodies, text and absolute URLs', async () => {
      const scope = nock(BASE)
        .get('/q')
        .query({ ids: ['1', '2'], page: '3' })
        .reply(200, 'plain', { 'content-type': 'text/plain' })
        .post('/form', 'a=1&b=two')
        .matchHeader('content-type', 'application/x-www-form-urlencoded')
        .reply(204);
      nock('https://other.example.test').get('/next').reply(200, '[]', { 'content-type': 'application/json' });
      const client = make();
      expect((await client.request({ url: '/q', query: { ids: [1, 2], page: 3, skip: undefined }, responseType: 'text' })).data).to.equal('plain');
      expect((await client.request({ method: 'POST', url: '/form', form: { a: '1', b: 'two', c: undefined } })).status).to.equal(204);
      const allowForeign = { hosts: ['other.example.test'], reason: 'a documented download host' };
      expect((await client.request({ url: 'https://other.example.test/next', anonymous: true, allowForeign })).data).to.deep.equal([]);
      scope.done();
      expect(nock.isDone()).to.equal(true);
    });
  });
});
