import { expect } from 'chai';
import nock from 'nock';
import { ConnectorError, ProviderError, TransientError, redactError } from '../src/errors';
import { HeaderAuth, TokenAuth } from '../src/http/auth';
import { HttpClient } from '../src/http/client';
import { clientCredentialsGrant, passwordGrant } from '../src/http/oauth2';
import { Emitter, safeError } from '../src/messages/emitter';
import { Redactor } from '../src/util/redact';
import { useFakeClock } from './helpers/fakeClock';
import { rejection } from './helpers/promises';

const failure = (promise: Promise<unknown>) => rejection<ConnectorError>(promise);

const BASE = 'https://api.example.test';
const SECRET = 'cr Secret!(x)*';
const FORM_ENCODED = 'cr+Secret%21%28x%29*';

/** Every property of an error and its causes, as one text. */
function everything(error: unknown): string {
  const e = error as Record<string, unknown>;
  const own = Object.fromEntries(Object.getOwnPropertyNames(e).map((k) => [k, k === 'cause' ? everything(e.cause) : e[k]]));
  return typeof error === 'object' && error ? JSON.stringify(own) : String(error);
}

describe('redaction that holds', () => {
  useFakeClock();
  afterEach(() => nock.cleanAll());

  it('a token endpoint echoing its form body: no form of the secret in message, providerMessage or providerCode', async () => {
    const scope = nock(BASE)
      .post('/token')
      .reply(400, {
        error: `client_secret=${FORM_ENCODED}`,
        error_description: `bad client_secret=${FORM_ENCODED} / ${SECRET} / ${JSON.stringify(SECRET)}`,
      });
    const client = new HttpClient({ baseUrl: BASE });
    const error = await failure(
      clientCredentialsGrant(client.anonymousSender, { tokenUrl: `${BASE}/token`, clientId: 'id-1', clientSecret: SECRET }),
    );
    expect(error.message).to.include('Login failed');
    expect(everything(error)).to.not.include('Secret').and.not.include('%21%28');
    scope.done();
  });

  it('HTTP Basic client credentials echoed back (base64 of id:secret) are masked', async () => {
    const basic = Buffer.from(`id-1:${SECRET}`).toString('base64');
    const scope = nock(BASE)
      .post('/token')
      .reply(503, { message: `upstream saw Authorization: Basic ${basic}` });
    const client = new HttpClient({ baseUrl: BASE, retry: { retries: 0 } });
    const error = await failure(
      clientCredentialsGrant(client.anonymousSender, { tokenUrl: `${BASE}/token`, clientId: 'id-1', clientSecret: SECRET, clientAuth: 'basic' }),
    );
    expect(error).to.be.instanceOf(TransientError);
    expect(everything(error)).to.not.include(basic);
    scope.done();
  });

  it('tokens are masked from the moment they are issued, in every error property', async () => {
    const scope = nock(BASE)
      .post('/token')
      .reply(200, { access_token: 'at-issued-1', refresh_token: 'rt-issued-2', expires_in: 3600 })
      .get('/items')
      .reply(422, { error: { message: 'token at-issued-1 (refresh rt-issued-2) not allowed', code: 'at-issued-1' } });
    const client = new HttpClient({ baseUrl: BASE, provider: 'Example' });
    const oauth = { tokenUrl: `${BASE}/token`, clientId: 'id-1', clientSecret: SECRET };
    const client2 = new HttpClient({
      baseUrl: BASE,
      provider: 'Example',
      auth: new TokenAuth({ obtain: (send) => passwordGrant(send, oauth, 'ann', 'pw-123456') }),
      redactor: client.redactor,
    });
    const error = await failure(client2.request({ url: '/items' }));
    expect(error).to.be.instanceOf(ProviderError);
    expect(error.providerCode).to.equal('***');
    expect(error.providerMessage).to.equal('token *** (refresh ***) not allowed');
    expect(everything(error)).to.not.include('issued');
    scope.done();
  });

  it('an API token echoed as the provider code is masked (MaestroQA)', async () => {
    const scope = nock(BASE)
      .get('/x')
      .reply(400, { error: { code: 'mqa-token-77', message: 'unknown apiToken mqa-token-77' } });
    const client = new HttpClient({ baseUrl: BASE, auth: new HeaderAuth('apiToken', 'mqa-token-77') });
    const error = await failure(client.request({ url: '/x' }));
    expect(error.providerCode).to.equal('***');
    expect(everything(error)).to.not.include('mqa-token-77');
    scope.done();
  });

  it('redactError cleans message, stack, every string property and nested causes; rebounds and errors leave through it', async () => {
    const redactor = new Redactor().add(SECRET);
    const inner = new Error(`inner ${encodeURIComponent(SECRET)}`);
    const outer = new ConnectorError(`outer ${SECRET}`, { providerMessage: `pm ${FORM_ENCODED}`, providerCode: SECRET, cause: inner });
    redactError(outer, redactor);
    expect(everything(outer)).to.not.include('Secret');
    const emitted: unknown[] = [];
    const emitter = new Emitter({ emit: (_event: string, payload?: unknown) => emitted.push(payload) }, 'oih', redactor);
    await emitter.rebound(new TransientError('later', { providerMessage: `echo ${JSON.stringify({ s: SECRET })}` }));
    expect(everything(emitted[0])).to.not.include('Secret');
    expect(everything(safeError(new Error(Buffer.from(SECRET).toString('base64')), redactor))).to.not.include(Buffer.from(SECRET).toString('base64'));
  });

  it('never changes business data for its field name: a receiver attribute named token, secret or apiKey stays', () => {
    const redactor = new Redactor().addFromConfig({ apiKey: 'real-api-key', client_secret: SECRET });
    const record = { attributes: { token: 'voucher-2024', secret: 'favourite colour', apiKey: 'shop-42' }, note: 'uses real-api-key' };
    expect(redactor.value(record)).to.deep.equal({
      attributes: { token: 'voucher-2024', secret: 'favourite colour', apiKey: 'shop-42' },
      note: 'uses ***',
    });
  });
});
