import { expect } from 'chai';
import nock from 'nock';
import { ProviderError, TransientError } from '../src/errors';
import type { ConnectorError } from '../src/errors';
import { HttpClient, HttpClientOptions } from '../src/http/client';
import { useFakeClock } from './helpers/fakeClock';
import { rejection } from './helpers/promises';

const failure = (promise: Promise<unknown>) => rejection<ConnectorError>(promise);

const BASE = 'https://api.example.test';
const JSON_TYPE = { 'content-type': 'application/json' };

describe('HttpClient: unexpected bodies are errors, never the end of the data', () => {
  const clockOf = useFakeClock();
  const make = (options: Partial<HttpClientOptions> = {}) => new HttpClient({ baseUrl: BASE, provider: 'Example', ...options });
  afterEach(() => nock.cleanAll());

  it('retries an empty 200 where a list was expected, then reads the real page', async () => {
    const scope = nock(BASE)
      .get('/items')
      .reply(200, '')
      .get('/items')
      .reply(200, [{ id: 1 }]);
    const response = await make().request({ url: '/items', expect: 'array' });
    expect(response.data).to.deep.equal([{ id: 1 }]);
    expect(clockOf().sleeps).to.have.length(1);
    scope.done();
  });

  const garbage: Array<[string, string, Record<string, string>, 'array' | 'object' | undefined, RegExp]> = [
    ['an empty body on a GET', '', {}, undefined, /an empty body where JSON was expected/],
    ['null where a list was expected', 'null', JSON_TYPE, 'array', /null where a list was expected/],
    ['an object where a list was expected', '{"detail":"x"}', JSON_TYPE, 'array', /an object where a list was expected/],
    ['a list where an object was expected', '[]', JSON_TYPE, 'object', /a list where an object was expected/],
    ['an HTML page', '<html>proxy error</html>', { 'content-type': 'text/html; charset=utf-8' }, 'array', /a text\/html body/],
    ['truncated JSON', '[{"id": 1}, {"id"', JSON_TYPE, 'array', /not valid JSON \(truncated/],
  ];
  for (const [what, body, headers, expectShape, message] of garbage) {
    it(`${what}: retried within the budget, then a TransientError (rebound)`, async () => {
      const scope = nock(BASE).get('/items').times(3).reply(200, body, headers);
      const error = await failure(make({ retry: { retries: 2 } }).request({ url: '/items', expect: expectShape }));
      expect(error).to.be.instanceOf(TransientError);
      expect(error.retryable).to.equal(true);
      expect(error.message).to.match(message).and.include('GET /items').and.include('after 2 retries');
      scope.done();
    });
  }

  it('a provider check (a function) runs after inspect: a business error stays a business error, a missing list is retried', async () => {
    const hasList = (data: unknown) => (Array.isArray((data as { data?: { list?: unknown } }).data?.list) ? undefined : 'no data.list');
    const inspect = (response: { data: unknown }) => {
      if ((response.data as { code: number }).code !== 200) throw new ProviderError('business error');
    };
    const scope = nock(BASE)
      .get('/page')
      .reply(200, { code: 200, data: {} })
      .get('/page')
      .reply(200, { code: 200, data: { list: [1] } })
      .get('/bad')
      .reply(200, { code: 500 });
    const client = make({ inspect });
    expect((await client.request({ url: '/page', expect: hasList })).data).to.deep.equal({ code: 200, data: { list: [1] } });
    expect((await failure(client.request({ url: '/bad', expect: hasList }))).message).to.equal('business error');
    scope.done();
  });

  it('a write (not idempotent) with an unusable answer is a ProviderError at once: repeating it could duplicate the write', async () => {
    const scope = nock(BASE).post('/receivers').reply(200, '<html></html>', { 'content-type': 'text/html' });
    const error = await failure(make().request({ method: 'POST', url: '/receivers', json: { a: 1 }, expect: 'object' }));
    expect(error).to.be.instanceOf(ProviderError);
    expect(clockOf().sleeps).to.deep.equal([]);
    scope.done();
  });

  it('an explicit 204 No Content and an empty answer to a write are fine', async () => {
    const scope = nock(BASE).get('/none').reply(204).put('/x').reply(200, '');
    expect((await make().request({ url: '/none', expect: 'array' })).data).to.equal(undefined);
    expect((await make().request({ method: 'PUT', url: '/x', json: {} })).data).to.equal(undefined);
    scope.done();
  });

  it('refuses a response above maxResponseBytes, declared or streamed, with a clear error and no retry', async () => {
    const big = JSON.stringify(Array.from({ length: 200 }, (_, i) => ({ id: i, text: 'x'.repeat(20) })));
    const scope = nock(BASE)
      .get('/declared')
      .reply(200, big, JSON_TYPE)
      .get('/chunked')
      .reply(200, () => {
        const { Readable } = require('node:stream') as typeof import('node:stream');
        return Readable.from([big.slice(0, 3000), big.slice(3000)]);
      });
    const client = make({ limits: { maxResponseBytes: 4096 } });
    for (const url of ['/declared', '/chunked']) {
      const error = await failure(client.request({ url, expect: 'array' }));
      expect(error, url).to.be.instanceOf(ProviderError);
      expect(error.message).to.include('larger than the limit of 4096 bytes (setting maxResponseMB)');
    }
    expect(clockOf().sleeps).to.deep.equal([]);
    scope.done();
  });

  it('a streamed download is not held to maxResponseBytes (it is read row by row) but to its own cap, and fails as a stream error', async () => {
    const rows = Array.from({ length: 400 }, (_, i) => `row-${i},${'x'.repeat(20)}\n`).join('');
    const scope = nock(BASE).get('/export.csv').times(2).reply(200, rows, { 'content-type': 'text/csv' });
    const read = async (stream: NodeJS.ReadableStream) => {
      let text = '';
      for await (const chunk of stream) text += String(chunk);
      return text;
    };
    const whole = await make({ limits: { maxResponseBytes: 1024, maxStreamBytes: 100_000 } }).request<NodeJS.ReadableStream>({
      url: '/export.csv',
      responseType: 'stream',
    });
    expect(await read(whole.data)).to.equal(rows);
    const cut = await make({ limits: { maxResponseBytes: 100_000, maxStreamBytes: 4096 } }).request<NodeJS.ReadableStream>({
      url: '/export.csv',
      responseType: 'stream',
    });
    const error = await rejection<ConnectorError>(read(cut.data));
    expect(error).to.be.instanceOf(ProviderError);
    expect(error.message).to.include('larger than the limit of 4096 bytes (the limit of a streamed download)');
    scope.done();
  });
});
