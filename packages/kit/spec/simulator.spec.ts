import { expect } from 'chai';
import axios from 'axios';
import http from 'node:http';
import {
  SeededRandom,
  SimulatorServer,
  TokenIssuer,
  basicCredentials,
  bearerToken,
  echoRequest,
  hostileBodies,
  hugeJson,
  redirectTo,
  startCatcher,
} from '../src/simulator';

/** A raw GET that reports what arrived, and when the server stopped sending (Node's client, no redirects). */
function rawGet(url: string, giveUpMs: number): Promise<{ status?: number; body: string; chunks: number; gaveUp: boolean }> {
  return new Promise((resolve, reject) => {
    const out = { status: undefined as number | undefined, body: '', chunks: 0, gaveUp: false };
    const req = http.get(url, (res) => {
      out.status = res.statusCode;
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        out.body += chunk;
        out.chunks += 1;
      });
      res.on('end', () => resolve(out));
      res.on('error', () => resolve(out));
    });
    req.on('error', (error) => (out.gaveUp ? resolve(out) : reject(error)));
    setTimeout(() => {
      out.gaveUp = true;
      req.destroy();
      resolve(out);
    }, giveUpMs);
  });
}

describe('simulator toolkit', () => {
  const sim = new SimulatorServer('toolkit');
  const get = (path: string, headers: Record<string, string> = {}) => axios.get(`${sim.url}${path}`, { headers, validateStatus: () => true });

  before(async () => {
    sim.route('GET', '/items/:id', (req) => ({ body: { id: req.params.id, q: req.query } }));
    sim.route('POST', '/echo', (req) => ({ body: { body: req.body } }));
    sim.route('GET', '/text', () => ({ text: 'true', headers: { 'content-type': 'text/plain' } }));
    sim.route('GET', '/boom', () => {
      throw new Error('handler broke');
    });
    await sim.start();
  });
  after(() => sim.stop());
  afterEach(() => {
    sim.clearFaults();
    sim.rateLimit = undefined;
    sim.resetLimits();
  });

  it('routes with params and query, parses JSON and form bodies, sends text, logs requests', async () => {
    expect(sim.url).to.match(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await get('/items/a%20b?x=1')).data).to.deep.equal({ id: 'a b', q: { x: '1' } });
    expect((await axios.post(`${sim.url}/echo`, { a: 1 })).data).to.deep.equal({ body: { a: 1 } });
    expect((await axios.post(`${sim.url}/echo`, 'a=1&b=2', { headers: { 'content-type': 'application/x-www-form-urlencoded' } })).data).to.deep.equal(
      { body: { a: '1', b: '2' } },
    );
    expect((await get('/text')).data).to.equal(true);
    expect((await get('/nope')).status).to.equal(404);
    expect((await get('/boom')).data).to.deep.equal({ error: 'Simulator toolkit failed: handler broke' });
    expect(sim.requests.at(-1)).to.include({ method: 'GET', path: '/boom', origin: sim.url });
  });

  it('injects faults: after n matching requests, n times, resets and delays', async () => {
    sim.inject({ match: (r) => r.path.startsWith('/items'), after: 1, times: 2, response: { status: 503, body: { error: 'busy' } } });
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await get('/items/1')).status);
    expect(statuses).to.deep.equal([200, 503, 503, 200]);
    sim.clearFaults();
    sim.inject({ reset: true });
    const reset = await axios.get(`${sim.url}/items/1`).catch((e: { code?: string }) => e.code);
    expect(reset).to.equal('ECONNRESET');
    sim.inject({ delayMs: 20, response: (req) => ({ status: 418, body: { path: req.path } }) });
    expect((await get('/items/2')).data).to.deep.equal({ path: '/items/2' });
  });

  it('hostile bodies: empty, null, HTML, plain text and truncated JSON, each with status 200', async () => {
    const seen: Record<string, [number, string, string]> = {};
    for (const [name, make] of Object.entries(hostileBodies)) {
      sim.inject({ response: make() });
      const res = await axios.get(`${sim.url}/items/1`, { responseType: 'text', transformResponse: (x: unknown) => x });
      seen[name] = [res.status, String(res.headers['content-type']), res.data as string];
    }
    expect(seen.empty).to.deep.equal([200, 'application/json', '']);
    expect(seen.null).to.deep.equal([200, 'application/json', 'null']);
    expect(seen.html[1]).to.equal('text/html; charset=utf-8');
    expect(seen.html[2]).to.match(/^<!DOCTYPE html>/);
    expect(seen.plainText).to.deep.equal([200, 'text/plain', 'OK']);
    expect(() => JSON.parse(seen.truncated[2]) as unknown).to.throw(SyntaxError);
  });

  it('a huge body is valid JSON of the size asked for, streamed', async () => {
    sim.inject({ response: () => hugeJson(3 * 1024 * 1024) });
    const res = await axios.get(`${sim.url}/items/1`, { responseType: 'text', transformResponse: (x: unknown) => x });
    const text = res.data as string;
    expect(text.length).to.be.within(3 * 1024 * 1024, 4 * 1024 * 1024);
    expect((JSON.parse(text) as unknown[]).length).to.be.greaterThan(3000);
  });

  it('hangs: the request is recorded, no byte comes back until the client gives up', async () => {
    sim.inject({ hang: true });
    const out = await rawGet(`${sim.url}/items/1`, 150);
    expect(out).to.deep.include({ status: undefined, body: '', gaveUp: true });
    expect(sim.requests.at(-1)).to.include({ path: '/items/1' });
  });

  it('dribbles: headers at once, then a byte per interval, for as long as the client waits (or `chunks` times)', async () => {
    sim.inject({ dribble: { intervalMs: 20 } });
    const endless = await rawGet(`${sim.url}/items/1`, 250);
    expect(endless.status).to.equal(200);
    expect(endless.gaveUp).to.equal(true);
    expect(endless.chunks).to.be.greaterThan(2);
    sim.inject({ dribble: { intervalMs: 5, chunk: '[]', chunks: 1 } });
    expect(await rawGet(`${sim.url}/items/1`, 2000)).to.deep.include({ status: 200, body: '[]', gaveUp: false });
  });

  it('redirects to a catcher on another origin, which records what reached it', async () => {
    const catcher = await startCatcher();
    try {
      expect(new URL(catcher.url).origin).not.to.equal(new URL(sim.url).origin);
      sim.inject({ response: redirectTo(catcher.url, 308) });
      const res = await axios.get(`${sim.url}/items/1?x=1`, { maxRedirects: 0, validateStatus: () => true });
      expect(res.status).to.equal(308);
      expect(res.headers.location).to.equal(`${catcher.url}/items/1?x=1`);
      const followed = await axios.post(res.headers.location as string, 'client_secret=s', { headers: { authorization: 'Bearer t' } });
      expect(followed.data).to.deep.equal({});
      expect(catcher.requests).to.have.length(1);
      expect(catcher.requests[0]).to.deep.include({ method: 'POST', path: '/items/1', rawBody: 'client_secret=s' });
      expect(catcher.requests[0].headers.authorization).to.equal('Bearer t');
    } finally {
      await catcher.stop();
    }
  });

  it('echoes the request (body, headers, query) in an error, under every key an error parser may read', async () => {
    sim.inject({ response: echoRequest(401) });
    const res = await axios.post(`${sim.url}/token?app=a`, 'client_secret=cr+Secret%21', {
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-api-token': 'tok' },
      validateStatus: () => true,
    });
    expect(res.status).to.equal(401);
    const body = res.data as Record<string, unknown>;
    for (const key of ['code', 'msg', 'message', 'detail', 'error_description']) {
      expect(body[key]).to.include('client_secret=cr+Secret%21').and.include('"x-api-token":"tok"').and.include('app=a');
    }
    expect(body.request).to.deep.include({ body: { client_secret: 'cr Secret!' }, query: { app: 'a' } });
  });

  it('answers 429 past a rate limit, with the seconds until a slot frees', async () => {
    sim.rateLimit = {
      windows: [{ limit: 2, intervalMs: 60_000 }],
      exempt: (r) => r.path === '/text',
      respond: (seconds) => ({ status: 429, headers: { 'Retry-After': String(seconds) }, body: {} }),
    };
    const answers = [];
    for (let i = 0; i < 3; i += 1) answers.push(await get('/items/1'));
    expect(answers.map((a) => a.status)).to.deep.equal([200, 200, 429]);
    expect(Number(answers[2].headers['retry-after'])).to.be.within(59, 60);
    expect((await get('/text')).status).to.equal(200);
    expect(sim.stats.rateLimited).to.equal(1);
  });

  it('TokenIssuer issues, checks, expires, refreshes once and revokes', () => {
    const issuer = new TokenIssuer(60);
    const first = issuer.issue('ann');
    expect(issuer.check(first.access_token)).to.equal('ann');
    expect(issuer.check('unknown')).to.equal(undefined);
    expect(issuer.check(undefined)).to.equal(undefined);
    issuer.expireAll();
    expect(issuer.check(first.access_token)).to.equal('expired');
    const second = issuer.useRefreshToken(first.refresh_token)!;
    expect(issuer.check(second.access_token)).to.equal('ann');
    expect(issuer.useRefreshToken(first.refresh_token), 'a refresh token is used up').to.equal(undefined);
    expect(issuer.revoke(second.access_token)).to.equal(true);
    expect(issuer.useRefreshToken(second.refresh_token)).to.equal(undefined);
    expect(issuer.revoke(issuer.issue('bob').refresh_token)).to.equal(true);
    expect(issuer.issued).to.equal(3);
  });

  it('reads bearer tokens and HTTP Basic client credentials', () => {
    expect(bearerToken({ authorization: 'Bearer abc' })).to.equal('abc');
    expect(bearerToken({ authorization: 'Basic abc' })).to.equal(undefined);
    expect(bearerToken({})).to.equal(undefined);
    const basic = `Basic ${Buffer.from('id:se:cret').toString('base64')}`;
    expect(basicCredentials({ authorization: basic })).to.deep.equal({ id: 'id', secret: 'se:cret' });
    expect(basicCredentials({ authorization: `Basic ${Buffer.from('nocolon').toString('base64')}` })).to.equal(undefined);
    expect(basicCredentials({})).to.equal(undefined);
  });

  it('SeededRandom is deterministic', () => {
    const a = new SeededRandom(7);
    const b = new SeededRandom(7);
    const seq = Array.from({ length: 5 }, () => a.int(1, 6));
    expect(Array.from({ length: 5 }, () => b.int(1, 6))).to.deep.equal(seq);
    expect(seq.every((n) => n >= 1 && n <= 6)).to.equal(true);
    expect(['x', 'y']).to.include(a.pick(['x', 'y']));
  });
});
