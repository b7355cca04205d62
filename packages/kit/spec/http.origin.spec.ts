import { expect } from 'chai';
import nock from 'nock';
import { AuthenticationError, ConfigurationError, ConnectorError, ProviderError } from '../src/errors';
import { HeaderAuth, TokenAuth } from '../src/http/auth';
import { HttpClient, HttpClientOptions } from '../src/http/client';
import { clientCredentialsGrant } from '../src/http/oauth2';
import { checkBaseUrl, checkUrl, isLoopbackHost } from '../src/http/origin';
import { Log } from '../src/util/logger';
import { Redactor } from '../src/util/redact';
import { rejection } from './helpers/promises';

const failure = (promise: Promise<unknown>) => rejection<ConnectorError>(promise);

const BASE = 'https://api.example.test';
const EVIL = 'https://evil.example.net';
const SECRET = 'cr Secret!(x)*';

/** Everything an error exposes, for "never contains" checks. */
const exposed = (error: ConnectorError): string =>
  JSON.stringify({ message: error.message, stack: error.stack, providerMessage: error.providerMessage, providerCode: error.providerCode });

describe('HttpClient: credentials stay with their origin', () => {
  const make = (options: Partial<HttpClientOptions> = {}) =>
    new HttpClient({ baseUrl: BASE, provider: 'Example', auth: new HeaderAuth('apiToken', 'tok-123456'), ...options });
  afterEach(() => nock.cleanAll());

  it('refuses a 307 to another host for an authenticated POST with a form body: nothing reaches that host', async () => {
    // No interceptor on EVIL: with the network disabled, any request there would fail differently.
    const scope = nock(BASE)
      .post('/submit')
      .reply(307, '', { Location: `${EVIL}/steal` });
    const error = await failure(make().request({ method: 'POST', url: '/submit', form: { client_secret: SECRET }, idempotent: true }));
    expect(error).to.be.instanceOf(ProviderError);
    expect(error.message).to.include('The redirect (HTTP 307)').and.include('https://evil.example.net').and.include('refusing to follow');
    expect(exposed(error)).to.not.include('Secret').and.not.include('tok-123456');
    scope.done();
  });

  it('token endpoints never follow a redirect: a 307 is an AuthenticationError naming the target host, without secrets', async () => {
    const scope = nock(BASE)
      .post('/oauth/token')
      .reply(307, '', { Location: `${EVIL}/token` });
    const client = make({ auth: undefined });
    const error = await failure(
      clientCredentialsGrant(client.anonymousSender, { tokenUrl: `${BASE}/oauth/token`, clientId: 'id-1', clientSecret: SECRET }),
    );
    expect(error).to.be.instanceOf(AuthenticationError);
    expect(error.message).to.include('evil.example.net').and.include('never follow redirects');
    expect(exposed(error)).to.not.include('Secret');
    scope.done();
  });

  it('a token endpoint redirecting within its own origin is refused too (it would re-post the secret)', async () => {
    const scope = nock(BASE).post('/token').reply(308, '', { Location: '/token2' });
    const error = await failure(
      clientCredentialsGrant(make().anonymousSender, { tokenUrl: `${BASE}/token`, clientId: 'id-1', clientSecret: SECRET }),
    );
    expect(error).to.be.instanceOf(AuthenticationError);
    expect(error.message).to.include('api.example.test');
    scope.done();
  });

  it('follows same-origin redirects with the credentials; a 303 after a POST continues as a GET without body', async () => {
    const scope = nock(BASE)
      .get('/old')
      .matchHeader('apiToken', 'tok-123456')
      .reply(301, '', { Location: '/new' })
      .get('/new')
      .matchHeader('apiToken', 'tok-123456')
      .reply(200, { ok: true })
      .post('/jobs', { a: 1 })
      .reply(303, '', { Location: `${BASE}/jobs/7` })
      .get('/jobs/7', (body) => body === '' || body === undefined)
      .reply(200, { id: 7 });
    const client = make();
    expect((await client.request({ url: '/old' })).data).to.deep.equal({ ok: true });
    expect((await client.request({ method: 'POST', url: '/jobs', json: { a: 1 } })).data).to.deep.equal({ id: 7 });
    scope.done();
  });

  it('stops after five redirects', async () => {
    const scope = nock(BASE).get('/loop').times(6).reply(302, '', { Location: '/loop' });
    const error = await failure(make().request({ url: '/loop' }));
    expect(error.message).to.include('more than 5 times');
    scope.done();
  });

  it('refuses a foreign absolute URL (a next link, a stored position) unless the call allows that host', async () => {
    const error = await failure(make().request({ url: `${EVIL}/api/v3/reviews/?offset=100` }));
    expect(error).to.be.instanceOf(ProviderError);
    expect(error.message).to.include('https://evil.example.net').and.include('another origin than https://api.example.test');
    // Another port or another scheme on the same host is another origin as well.
    expect(() => checkUrl('https://api.example.test:8443/x', { baseUrl: BASE })).to.throw(ProviderError, /another origin/);
    expect(() => checkUrl('http://api.example.test/x', { baseUrl: BASE })).to.throw(ProviderError, /another origin/);
    expect(() => checkUrl('javascript:alert(1)', { baseUrl: BASE })).to.throw(ProviderError, /scheme/);
    expect(() => checkUrl('https://u:p@api.example.test/x', { baseUrl: BASE })).to.throw(ProviderError, /user name or password/);
    expect(checkUrl('/v3/x?y=1', { baseUrl: `${BASE}/api` }).url.href).to.equal(`${BASE}/api/v3/x?y=1`);
    expect(checkUrl(`${BASE}/other`, { baseUrl: `${BASE}/api` }).sameOrigin).to.equal(true);
  });

  it('reaches an allowed foreign host only without credentials, and follows its redirects only to allowed hosts', async () => {
    const allowForeign = { hosts: ['.files.example.org'], reason: 'a pre-signed download' };
    const files = nock('https://eu.files.example.org', { badheaders: ['apitoken', 'authorization'] })
      .get('/export.csv')
      .query({ sig: 'abc' })
      .reply(302, '', { Location: 'https://us.files.example.org/export.csv' });
    const us = nock('https://us.files.example.org', { badheaders: ['apitoken', 'authorization'] })
      .get('/export.csv')
      .reply(200, 'a,b\n1,2\n', { 'content-type': 'text/csv' });
    const client = make();
    const response = await client.request({
      url: 'https://eu.files.example.org/export.csv?sig=abc',
      anonymous: true,
      allowForeign,
      responseType: 'text',
    });
    expect(response.data).to.equal('a,b\n1,2\n');
    files.done();
    us.done();
    // The same host with the credentials attached is refused before anything is sent.
    const authenticated = await failure(client.request({ url: 'https://eu.files.example.org/x', allowForeign }));
    expect(authenticated.message).to.include('Refusing to send credentials to https://eu.files.example.org');
    // A redirect of an allowed download to a host not allowed is not followed.
    const hop = nock('https://eu.files.example.org')
      .get('/y')
      .reply(302, '', { Location: `${EVIL}/y` });
    const redirected = await failure(client.request({ url: 'https://eu.files.example.org/y', anonymous: true, allowForeign }));
    expect(redirected.message).to.include('https://evil.example.net');
    hop.done();
  });

  it('never sends a known secret to a foreign host, not even in a query parameter of an anonymous call', async () => {
    const client = make({ redactor: new Redactor().add(SECRET) });
    const allowForeign = { hosts: 'any' as const, reason: 'a pre-signed download' };
    const error = await failure(client.request({ url: 'https://files.example.org/x', query: { key: SECRET }, anonymous: true, allowForeign }));
    expect(error.message).to.include('Refusing to send credentials');
    expect(exposed(error)).to.not.include('Secret');
  });

  it('accepts http:// for loopback hosts; elsewhere only with allowInsecureHttp, and then with a warning', () => {
    expect(isLoopbackHost('127.0.0.1')).to.equal(true);
    expect(isLoopbackHost('[::1]')).to.equal(true);
    expect(isLoopbackHost('localhost')).to.equal(true);
    expect(isLoopbackHost('api.example.test')).to.equal(false);
    expect(() => new HttpClient({ baseUrl: 'http://127.0.0.1:8080' })).to.not.throw();
    expect(() => new HttpClient({ baseUrl: 'http://api.example.test' })).to.throw(ConfigurationError, /baseUrl: .*allowInsecureHttp/);
    expect(() => checkBaseUrl('ftp://api.example.test')).to.throw(ConfigurationError, /not an http\(s\) URL/);
    const warnings: unknown[] = [];
    const log = new Log({ info: () => undefined, error: () => undefined, warn: (fields: unknown, message: unknown) => warnings.push(message) });
    new HttpClient({ baseUrl: 'http://api.example.test', allowInsecureHttp: true, log });
    expect(warnings).to.deep.equal(['allowInsecureHttp: credentials and data travel unencrypted']);
    const download = { hosts: 'any' as const, reason: 'a download' };
    expect(() => checkUrl('http://files.example.org/x', { baseUrl: BASE, allowForeign: download })).to.throw(ProviderError, /plain http/);
    expect(checkUrl('http://files.example.org/x', { baseUrl: BASE, allowForeign: download, allowInsecureHttp: true }).sameOrigin).to.equal(false);
  });

  it('sends a bearer token obtained from its own origin only there', async () => {
    const auth = new TokenAuth({ initial: { accessToken: 'at-abcdef' } });
    const scope = nock(BASE)
      .get('/next')
      .matchHeader('authorization', 'Bearer at-abcdef')
      .reply(200, { results: [], next: `${EVIL}/page2` });
    const client = new HttpClient({ baseUrl: BASE, auth });
    const { data } = await client.request<{ next: string }>({ url: '/next' });
    const error = await failure(client.request({ url: data.next }));
    expect(error.message).to.include('another origin');
    scope.done();
  });
});
