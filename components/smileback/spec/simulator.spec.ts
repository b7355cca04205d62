import axios from 'axios';
import { expect } from 'chai';
import { SmilebackSimulator, startSimulator } from '../simulator';

/** The simulator is the other half of every runtime test: its behaviour is checked on its own. */
describe('smileback simulator', () => {
  let sim: SmilebackSimulator;
  const http = axios.create({ validateStatus: () => true });
  const login = async (): Promise<string> => {
    const form = new URLSearchParams({
      grant_type: 'password',
      username: sim.account.username,
      password: sim.account.password,
      client_id: sim.account.clientId,
      client_secret: sim.account.clientSecret,
    });
    const response = await http.post(`${sim.baseUrl}/token/`, form.toString(), { headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    return (response.data as { access_token: string }).access_token;
  };

  afterEach(async () => sim.stop());

  it('seeds deterministically: deleted and unrated reviews, shared stamps, µs ISO timestamps', async () => {
    sim = await startSimulator({ records: 200, seed: 7, rateLimits: false });
    const other = await startSimulator({ records: 200, seed: 7, rateLimits: false });
    const all = sim.store.listReviews(undefined, true);
    expect(JSON.stringify(all)).to.equal(JSON.stringify(other.store.listReviews(undefined, true)));
    await other.stop();
    expect(all).to.have.length(200);
    expect(all.some((r) => r.status === 'deleted')).to.equal(true);
    expect(all.some((r) => r.rating === null && r.rated_on === null)).to.equal(true);
    expect(new Set(all.map((r) => r.last_modified)).size).to.be.below(200);
    for (const r of all) expect(r.last_modified).to.match(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
    expect(sim.store.listReviews(undefined, false).every((r) => r.rating !== null)).to.equal(true);
  });

  it('DRF envelopes with absolute next links, trailing slash optional, limit capped at 1000, inclusive modified_since', async () => {
    sim = await startSimulator({ records: 1500, rateLimits: false });
    const token = await login();
    const auth = { headers: { authorization: `Bearer ${token}` } };
    const first = (await http.get(`${sim.baseUrl}/v3/reviews/?include_unrated=true&limit=5000`, auth)).data as {
      count: number;
      next: string;
      results: { last_modified: string }[];
    };
    expect(first.count).to.equal(1500);
    expect(first.results).to.have.length(1000);
    expect(first.next).to.equal(`${sim.baseUrl}/v3/reviews/?include_unrated=true&limit=1000&offset=1000`);
    const noSlash = (await http.get(`${sim.baseUrl}/v3/reviews?include_unrated=true&limit=2`, auth)).data as { next: string };
    expect(noSlash.next).to.equal(`${sim.baseUrl}/v3/reviews?include_unrated=true&limit=2&offset=2`);
    const stamp = first.results[10].last_modified;
    const since = (await http.get(`${sim.baseUrl}/v3/reviews/`, { ...auth, params: { modified_since: stamp, include_unrated: 'true', limit: 1 } }))
      .data as { results: { last_modified: string }[] };
    expect(since.results[0].last_modified).to.equal(first.results.find((r) => r.last_modified === stamp)!.last_modified);
    const bad = await http.get(`${sim.baseUrl}/v3/reviews/?modified_since=yesterday`, auth);
    expect([bad.status, bad.data]).to.deep.equal([400, { modified_since: ['Enter a valid date/time.'] }]);
  });

  it('token errors as django-oauth-toolkit sends them; 401 with a DRF detail without a valid token', async () => {
    sim = await startSimulator({ rateLimits: false });
    const post = (form: Record<string, string>) =>
      http.post(`${sim.baseUrl}/token/`, new URLSearchParams(form).toString(), { headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    const client = { client_id: sim.account.clientId, client_secret: sim.account.clientSecret };
    const badUser = await post({ grant_type: 'password', username: 'x', password: 'y', ...client });
    expect([badUser.status, badUser.data]).to.deep.equal([400, { error: 'invalid_grant', error_description: 'Invalid credentials given.' }]);
    const badClient = await post({
      grant_type: 'password',
      username: sim.account.username,
      password: sim.account.password,
      client_id: 'x',
      client_secret: 'y',
    });
    expect([badClient.status, badClient.data]).to.deep.equal([401, { error: 'invalid_client' }]);
    const noToken = await http.get(`${sim.baseUrl}/v3/csat-agents/`);
    expect([noToken.status, noToken.data]).to.deep.equal([401, { detail: 'Authentication credentials were not provided.' }]);
  });

  it('30 requests a minute per customer: the 31st gets 429, Retry-After and a DRF detail', async () => {
    sim = await startSimulator();
    const token = await login();
    const statuses: number[] = [];
    let last: { status: number; headers: Record<string, unknown>; data: unknown } | undefined;
    for (let i = 0; i < 31; i += 1) {
      const response = await http.get(`${sim.baseUrl}/v3/csat-boards/`, { headers: { authorization: `Bearer ${token}` } });
      statuses.push(response.status);
      last = response;
    }
    expect(statuses.filter((s) => s === 200)).to.have.length(30);
    expect(last!.status).to.equal(429);
    expect(Number(last!.headers['retry-after'])).to.be.within(1, 60);
    expect(last!.data).to.deep.equal({ detail: `Request was throttled. Expected available in ${String(last!.headers['retry-after'])} seconds.` });
  });
});
