import { expect } from 'chai';
import axios from 'axios';
import { SeededRandom, SimulatorServer, TokenIssuer, basicCredentials, bearerToken } from '../src/simulator';

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
