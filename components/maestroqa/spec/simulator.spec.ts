import { expect } from 'chai';
import sinon from 'sinon';
import { MaestroSimulator, startSimulator } from '../simulator';

/** The simulator's own fidelity: both rate-limit buckets and their 429 bodies, per-token counting, the 90-day limit. */
describe('maestroqa simulator', () => {
  let sim: MaestroSimulator;
  let clock: sinon.SinonFakeTimers | undefined;
  afterEach(() => {
    clock?.restore();
    clock = undefined;
    return sim?.stop();
  });
  /**
   * The simulator's windows are read with Date.now(); only Date is faked (sockets and timers stay
   * real), so "within a second" holds however slowly the machine answers.
   */
  const freezeDate = () => (clock = sinon.useFakeTimers({ now: Date.now(), toFake: ['Date'] }));

  const post = (token: string, body: Record<string, unknown>) =>
    fetch(`${sim.baseUrl}/coaching-sessions`, {
      method: 'POST',
      headers: { apiToken: token, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const ok = { startDate: '2024-01-01', endDate: '2024-01-02', timeAxis: 'createdAt' };

  it('answers the second request within a second with the "past second" body and no Retry-After', async () => {
    sim = await startSimulator({ intervalScale: 1 });
    freezeDate();
    const token = String(sim.cfg.apiToken);
    expect((await post(token, ok)).status).to.equal(200);
    const limited = await post(token, ok);
    expect(limited.status).to.equal(429);
    expect(limited.headers.get('retry-after')).to.equal(null);
    expect(await limited.json()).to.deep.equal({ error: 'Too many requests in the past second.' });
  });

  it('answers the 31st request within a (compressed) minute with the "past minute" body', async () => {
    // intervalScale 0.02: the second lasts 20 ms and the minute 1.2 s.
    sim = await startSimulator({ intervalScale: 0.02 });
    const frozen = freezeDate();
    const token = String(sim.cfg.apiToken);
    for (let i = 0; i < 30; i += 1) {
      expect((await post(token, ok)).status, `request ${i + 1}`).to.equal(200);
      // Past the compressed second, well inside the compressed minute.
      frozen.tick(22);
    }
    const limited = await post(token, ok);
    expect(limited.status).to.equal(429);
    expect(await limited.json()).to.deep.equal({ error: 'Too many requests in the past minute.' });
  });

  it('counts the other API calls in a general bucket of 10 per second, apart from the hard one', async () => {
    // intervalScale 5: the second lasts 5 s, so a slow machine still makes the 11th call inside it.
    sim = await startSimulator({ intervalScale: 5 });
    const token = String(sim.cfg.apiToken);
    const exportId = await fetch(`${sim.baseUrl}/request-raw-export`, {
      method: 'POST',
      headers: { apiToken: token, 'content-type': 'application/json' },
      body: JSON.stringify({ startDate: '2024-01-01T00:00:00Z', endDate: '2024-01-02T00:00:00Z', singleFileExport: 'total_scores' }),
    }).then(async (r) => ((await r.json()) as { exportId: string }).exportId);
    const poll = () => fetch(`${sim.baseUrl}/get-export-data?exportId=${exportId}`, { headers: { apiToken: token } });
    const statuses: number[] = [];
    for (let i = 0; i < 9; i += 1) statuses.push((await poll()).status);
    expect(statuses, 'the export request and 9 polls make 10').to.deep.equal(Array(9).fill(200));
    const limited = await poll();
    expect(limited.status).to.equal(429);
    expect(await limited.json()).to.deep.equal({ error: 'Too many requests in the past second.' });
    // The hard bucket is its own: the coaching export still answers.
    expect((await post(token, ok)).status).to.equal(200);
  });

  it('answers a range over 90 days and a bad axis with 400 {"error"}, a wrong token with 401', async () => {
    sim = await startSimulator({ rateLimits: false });
    const token = String(sim.cfg.apiToken);
    // 2024 is a leap year: Jan 1 → Mar 31 is exactly 90 days (allowed), → Apr 1 is 91.
    const long = await post(token, { startDate: '2024-01-01', endDate: '2024-04-01', timeAxis: 'createdAt' });
    expect(long.status).to.equal(400);
    expect(await long.json()).to.deep.equal({ error: 'endDate must be within 90 days of startDate' });
    const ninety = await post(token, { startDate: '2024-01-01', endDate: '2024-03-31', timeAxis: 'createdAt' });
    expect(ninety.status).to.equal(200);
    const axis = await post(token, { ...ok, timeAxis: 'updatedAt' });
    expect(await axis.json()).to.deep.equal({ error: 'timeAxis must be "meetingDate" or "createdAt"' });
    expect((await post('wrong-token', ok)).status).to.equal(401);
  });

  it('seeds sessions deterministically, some updated after creation and some deleted', async () => {
    sim = await startSimulator({ records: 60, seed: 3, rateLimits: false });
    const again = await startSimulator({ records: 60, seed: 3, rateLimits: false });
    try {
      // Times are relative to the start (and ids unique per process), so compare what the seed decides.
      const shape = (list: typeof sim.sessions) =>
        list.map((s) => [s.agentId, s.isDeleted, Date.parse(String(s.updatedAt)) - Date.parse(String(s.createdAt))]);
      expect(shape(sim.sessions)).to.deep.equal(shape(again.sessions));
      expect(sim.sessions.some((s) => s.updatedAt !== s.createdAt)).to.equal(true);
      expect(sim.sessions.some((s) => s.isDeleted === true)).to.equal(true);
      expect(sim.rows.get('individual_answers')).to.have.length(60);
    } finally {
      await again.stop();
    }
  });
});
