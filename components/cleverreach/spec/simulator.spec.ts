import { expect } from 'chai';
import { CleverReachSimulator, SIM_CLIENT_ID, SIM_CLIENT_SECRET, startSimulator } from '../simulator';

/** Raw HTTP against the simulator, as CleverReach clients send it. */
async function call(
  sim: CleverReachSimulator,
  method: string,
  path: string,
  options: { token?: string; json?: unknown; form?: Record<string, string>; basic?: string } = {},
) {
  const headers: Record<string, string> = {};
  let body: string | undefined;
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.basic) headers.authorization = `Basic ${Buffer.from(options.basic).toString('base64')}`;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  }
  if (options.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(options.form).toString();
  }
  const response = await fetch(`${sim.baseUrl}${path}`, { method, headers, body });
  const text = await response.text();
  return { status: response.status, text, body: text ? (JSON.parse(text) as unknown) : undefined, headers: response.headers };
}

describe('CleverReach simulator', () => {
  let sim: CleverReachSimulator;
  let token: string;

  beforeEach(async () => {
    sim = await startSimulator({ records: 40, seed: 7 });
    const login = await call(sim, 'POST', '/oauth/token.php', {
      form: { grant_type: 'client_credentials', client_id: SIM_CLIENT_ID, client_secret: SIM_CLIENT_SECRET },
    });
    token = (login.body as { access_token: string }).access_token;
  });
  afterEach(() => sim.stop());

  it('issues tokens for client credentials in the body or with Basic, and refuses others with invalid_client', async () => {
    const basic = await call(sim, 'POST', '/oauth/token.php', {
      form: { grant_type: 'client_credentials' },
      basic: `${SIM_CLIENT_ID}:${SIM_CLIENT_SECRET}`,
    });
    expect(basic.status).to.equal(200);
    expect(basic.body).to.include({ expires_in: 2_592_000, token_type: 'bearer' });
    const bad = await call(sim, 'POST', '/oauth/token.php', {
      form: { grant_type: 'client_credentials', client_id: SIM_CLIENT_ID, client_secret: 'wrong' },
    });
    expect(bad).to.deep.include({ status: 401, body: { error: 'invalid_client', error_description: 'The client credentials are invalid' } });
  });

  it('answers with the error envelope without a valid token, and after the token expired', async () => {
    expect(await call(sim, 'GET', '/v3/groups.json')).to.deep.include({
      status: 401,
      body: { error: { code: 401, message: 'Unauthorized: invalid token' } },
    });
    sim.expireTokens();
    expect(await call(sim, 'GET', '/v3/groups', { token })).to.deep.include({
      status: 401,
      body: { error: { code: 401, message: 'Unauthorized: token expired' } },
    });
  });

  it('seeds deterministically: the same seed gives the same account', async () => {
    const other = await startSimulator({ records: 40, seed: 7 });
    try {
      const view = (s: CleverReachSimulator) => [...s.store.receivers.values()].map((r) => [...r.memberships.keys()].map((g) => s.store.view(r, g)));
      expect(view(other)).to.deep.equal(view(sim));
      const all = [...sim.store.receivers.values()];
      expect(
        all.some((r) => r.memberships.size > 1),
        'receivers in several groups',
      ).to.equal(true);
      expect(
        all.some((r) => [...r.memberships.values()].some((m) => m.deactivated > 0)),
        'unsubscribed receivers',
      ).to.equal(true);
      const stamps = all.map((r) => [...r.memberships.values()][0].registered);
      expect(new Set(stamps).size, 'equal timestamps').to.be.lessThan(stamps.length);
    } finally {
      await other.stop();
    }
  });

  it('lists groups and pages receivers as plain arrays, with or without the .json suffix', async () => {
    const groups = (await call(sim, 'GET', '/v3/groups', { token })).body as { id: string; name: string }[];
    expect(groups.map((g) => g.name)).to.deep.equal(['Newsletter', 'Customers', 'Events']);
    const id = groups[0].id;
    const members = sim.store.members(Number(id)).length;
    const first = await call(sim, 'GET', `/v3/groups.json/${id}/receivers?page=0&pagesize=5&order_by=registered%20ASC`, { token });
    const second = await call(sim, 'GET', `/v3/groups/${id}/receivers?page=1&pagesize=5&order_by=registered%20ASC`, { token });
    const rows = [...(first.body as { id: string; registered: number }[]), ...(second.body as { id: string; registered: number }[])];
    expect(rows).to.have.length(Math.min(10, members));
    expect(rows.map((r) => r.registered)).to.deep.equal([...rows.map((r) => r.registered)].sort((a, b) => a - b));
    const beyond = await call(sim, 'GET', `/v3/groups.json/${id}/receivers?page=99&pagesize=5`, { token });
    expect(beyond).to.deep.include({ status: 200, body: [] });
    const tooBig = await call(sim, 'GET', `/v3/groups.json/${id}/receivers?pagesize=5001`, { token });
    expect(tooBig).to.deep.include({ status: 400, body: { error: { code: 400, message: 'Bad Request: pagesize must be 1..5000' } } });
  });

  it('creates, updates, finds, upserts, filters and deletes receivers (delete answers the literal true)', async () => {
    const group = [...sim.store.groups.values()][2];
    const created = await call(sim, 'POST', `/v3/groups.json/${group.id}/receivers`, {
      token,
      json: { email: 'new@example.com', attributes: { firstname: 'Neu' }, tags: ['A'] },
    });
    const id = (created.body as { id: string }).id;
    expect(created.body).to.deep.include({ email: 'new@example.com', group_id: String(group.id), deactivated: 0, active: true, tags: ['A'] });
    expect((await call(sim, 'POST', `/v3/groups/${group.id}/receivers`, { token, json: { email: 'NEW@example.com' } })).status).to.equal(409);
    const updated = await call(sim, 'PUT', `/v3/groups/${group.id}/receivers/${id}`, {
      token,
      json: { tags: ['-A', 'B'], global_attributes: { lastname: 'Mann' } },
    });
    expect(updated.body).to.deep.include({ tags: ['B'], global_attributes: { lastname: 'Mann' } });
    const found = await call(sim, 'GET', `/v3/receivers/new%40example.com?group_id=${group.id}`, { token });
    expect((found.body as { id: string }).id).to.equal(id);
    const upserted = await call(sim, 'POST', `/v3/groups.json/${group.id}/receivers/upsert`, {
      token,
      json: [{ email: 'new@example.com', attributes: { firstname: 'Anders' } }, { email: 'other@example.com' }],
    });
    expect((upserted.body as { email: string; attributes: Record<string, string> }[]).map((r) => [r.email, r.attributes.firstname])).to.deep.equal([
      ['new@example.com', 'Anders'],
      ['other@example.com', undefined],
    ]);
    const filtered = await call(sim, 'POST', '/v3/receivers/filter.json', {
      token,
      json: { groups: [String(group.id)], operator: 'AND', rules: [{ field: 'email', logic: 'contains', condition: 'new@' }], pagesize: 10, page: 0 },
    });
    expect((filtered.body as { id: string }[]).map((r) => r.id)).to.deep.equal([id]);
    const deleted = await call(sim, 'DELETE', `/v3/receivers.json/${id}`, { token });
    expect(deleted).to.deep.include({ status: 200, text: 'true' });
    expect(await call(sim, 'DELETE', `/v3/receivers/${id}`, { token })).to.deep.include({
      status: 404,
      body: { error: { code: 404, message: 'Not Found: invalid receiver' } },
    });
  });

  it('answers 429 with Retry-After and the error envelope above 10 requests per second when rate limits are on', async () => {
    const limited = await startSimulator({ rateLimits: true });
    try {
      const login = await call(limited, 'POST', '/oauth/token.php', {
        form: { grant_type: 'client_credentials', client_id: SIM_CLIENT_ID, client_secret: SIM_CLIENT_SECRET },
      });
      const t = (login.body as { access_token: string }).access_token;
      const statuses: number[] = [];
      let last: Awaited<ReturnType<typeof call>> | undefined;
      for (let i = 0; i < 11; i += 1) {
        last = await call(limited, 'GET', '/v3/groups.json', { token: t });
        statuses.push(last.status);
      }
      expect(statuses).to.deep.equal([...Array<number>(10).fill(200), 429]);
      expect(last!.body).to.deep.equal({ error: { code: 429, message: 'Too Many Requests' } });
      expect(last!.headers.get('retry-after')).to.equal('1');
    } finally {
      await limited.stop();
    }
  });
});
