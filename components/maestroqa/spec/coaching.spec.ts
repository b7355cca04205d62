import { expect } from 'chai';
import Ajv from 'ajv';
import { runProcess } from '@oih-suite/kit/testing';
import trigger from '../lib/triggers/getCoachingSessionsPolling';
import schema from '../lib/schemas/coaching.out.json';
import { clientOf } from '@oih-suite/kit';
import { maestroqa } from '../lib/provider';
import { MaestroSimulator } from '../simulator';
import { startQuietSimulator, stopQuietSimulator } from './fixtures';

const validate = new Ajv({ strict: false }).compile(schema);
const DAY = 86_400_000;

describe('maestroqa getCoachingSessionsPolling', () => {
  let sim: MaestroSimulator;
  let cfg: Record<string, unknown>;
  beforeEach(async () => {
    sim = await startQuietSimulator();
    cfg = { ...sim.cfg, safetyLagSeconds: 0, startTime: new Date(Date.now() - 10 * DAY).toISOString(), lookbackDays: 30 };
  });
  afterEach(() => stopQuietSimulator(sim));

  const run = (snapshot: unknown, extra: Record<string, unknown> = {}) => runProcess(trigger.process, {}, { ...cfg, ...extra }, snapshot);

  it('a session updated after creation is emitted again, exactly once', async () => {
    const old = sim.addSession(Date.now() - 5 * DAY);
    const first = await run({});
    expect(first.error).to.equal(undefined);
    expect(first.self.data.map((m) => (m.metadata as { recordUid: string }).recordUid)).to.deep.equal([old._id]);

    const quiet = await run(first.self.lastSnapshot);
    expect(quiet.self.data).to.deep.equal([]);

    await new Promise((r) => setTimeout(r, 3));
    sim.updateSession(String(old._id), { coachNotes: 'follow-up agreed' });
    // The run's upper bound is fixed 1 ms before it starts: a run in the same millisecond as the
    // update would rightly leave it for the next run, so let the clock move on first.
    await new Promise((r) => setTimeout(r, 3));
    const again = await run(quiet.self.lastSnapshot);
    expect(again.self.data).to.have.length(1);
    const message = again.self.data[0] as { metadata: Record<string, unknown>; data: Record<string, unknown> };
    expect(message.metadata).to.deep.equal({ recordUid: old._id, applicationUid: 'maestroqa' });
    expect(message.data.coachNotes).to.equal('follow-up agreed');
    expect(message.data.updatedAt).to.equal(old.updatedAt);
    expect(validate(message.data), JSON.stringify(validate.errors)).to.equal(true);

    const afterwards = await run(again.self.lastSnapshot);
    expect(afterwards.self.data).to.deep.equal([]);
    // The snapshot stays small: a time, no scan left over after a complete run.
    expect(Object.keys(afterwards.self.lastSnapshot!)).to.deep.equal(['lastUpdated']);
  });

  it('a stored window past the last one restarts the scan of the run window instead of completing', async () => {
    const session = sim.addSession(Date.now() - 5 * DAY);
    const until = new Date(Date.now() - 1).toISOString();
    const snapshot = { lastUpdated: new Date(Date.now() - 6 * DAY).toISOString(), scan: { until, after: { window: '2999-01-01' } } };
    const outcome = await run(snapshot);
    expect(outcome.error).to.equal(undefined);
    expect(outcome.self.data.map((m) => (m.metadata as { recordUid: string }).recordUid)).to.deep.equal([session._id]);
    expect(outcome.self.lastSnapshot).to.deep.equal({ lastUpdated: until });
  });

  it('re-reads exactly the lookback window, split into 90-day requests, with the token header', async () => {
    const start = Date.parse('2024-01-10T00:00:00Z');
    const outcome = await run(
      { lastUpdated: new Date(start + 200 * DAY).toISOString() },
      { lookbackDays: 200, startTime: '2024-01-01T00:00:00Z', endTime: new Date(start + 201 * DAY).toISOString() },
    );
    expect(outcome.error).to.equal(undefined);
    const bodies = sim.server.requests.filter((r) => r.path === '/api/v1/coaching-sessions').map((r) => r.body);
    expect(bodies).to.deep.equal([
      { startDate: '2024-01-10', endDate: '2024-04-08', timeAxis: 'createdAt' },
      { startDate: '2024-04-09', endDate: '2024-07-07', timeAxis: 'createdAt' },
      { startDate: '2024-07-08', endDate: '2024-07-29', timeAxis: 'createdAt' },
    ]);
    expect(sim.server.requests.every((r) => r.headers.apitoken === sim.cfg.apiToken)).to.equal(true);
  });

  it('maps a session to the coaching model and a deleted one to a tombstone', async () => {
    const live = sim.addSession(Date.now() - DAY);
    const gone = sim.addSession(Date.now() - DAY + 1, { isDeleted: true });
    const outcome = await run({});
    const byId = Object.fromEntries(
      outcome.self.data.map((m) => [(m.metadata as { recordUid: string }).recordUid, m.data as Record<string, unknown>]),
    );
    expect(byId[String(gone._id)]).to.deep.equal({ deleteRequested: gone.updatedAt });
    const data = byId[String(live._id)];
    expect(data).to.include({ kind: 'coachingSession', id: live._id, meetingDate: live.meetingDate, coachNotes: live.coachNotes });
    expect(data.coach).to.deep.equal({ applicationUid: 'maestroqa', recordUid: live.coachId, displayName: live.coachName });
    expect(data.agent).to.deep.equal({ applicationUid: 'maestroqa', recordUid: live.agentId, displayName: live.agentName });
    expect((data.points as unknown[]).length).to.equal((live.coachingPoints as unknown[]).length);
    expect((data.todos as unknown[]).length).to.equal((live.todos as unknown[]).length);
    for (const m of outcome.self.data) expect(validate(m.data), JSON.stringify(validate.errors)).to.equal(true);
  });

  it('emits coaching points and to-dos as their own messages, a deleted item as a tombstone', async () => {
    const session = sim.addSession(Date.now() - DAY);
    const point = { _id: 'p-1', type: 'strength', classification: 'qa', score: 4, updatedAt: session.updatedAt, isDeleted: false };
    const deletedTodo = { _id: 't-1', title: 'old', status: 'open', updatedAt: session.updatedAt, isDeleted: true };
    Object.assign(session, { coachingPoints: [point], todos: [deletedTodo] });
    const outcome = await run({}, { emitItemsSeparately: true });
    expect(outcome.error).to.equal(undefined);
    expect(outcome.self.data.map((m) => m.metadata)).to.deep.equal([
      { recordUid: session._id, applicationUid: 'maestroqa' },
      { recordUid: 'p-1', applicationUid: 'maestroqa' },
      { recordUid: 't-1', applicationUid: 'maestroqa' },
    ]);
    const [s, p, t] = outcome.self.data.map((m) => m.data as Record<string, unknown>);
    expect(s).to.not.have.property('points');
    expect(p).to.deep.include({ kind: 'coachingPoint', coachingSessionId: session._id, id: 'p-1', type: 'strength', classification: 'qa', score: 4 });
    expect(t).to.deep.equal({ deleteRequested: session.updatedAt });
    for (const m of outcome.self.data) expect(validate(m.data), JSON.stringify(validate.errors)).to.equal(true);
  });

  it('the meeting-date axis filters by meeting date', async () => {
    const session = sim.addSession(Date.now() - 2 * DAY, { meetingDate: new Date(Date.now() + 5 * DAY).toISOString() });
    const outcome = await run({}, { timeAxis: 'meetingDate', lookbackDays: 7 });
    expect(outcome.self.data.map((m) => (m.metadata as { recordUid: string }).recordUid)).to.deep.equal([session._id]);
    expect(sim.server.requests.map((r) => (r.body as { timeAxis?: string }).timeAxis)).to.deep.equal(['meetingDate']);
  });

  for (const [field, value, text] of [
    ['timeAxis', 'updatedAt', 'timeAxis: must be "createdAt" or "meetingDate", got "updatedAt"'],
    ['lookbackDays', '-1', 'lookbackDays: must be a whole number from 0 to 3650, got "-1"'],
    ['emitItemsSeparately', 'maybe', 'emitItemsSeparately: "maybe" is not a yes/no value'],
    ['baseUrl', 'ftp:/x', 'baseUrl: "ftp:/x" is not an http(s) URL, e.g. https://app.maestroqa.com/api/v1'],
    ['apiToken', '', 'apiToken: is required: create one under Other Settings → API Tokens'],
  ] as const) {
    it(`bad ${field} fails before any request`, async () => {
      const outcome = await run({}, { [field]: value });
      expect(outcome.error?.message).to.equal(text);
      expect(sim.server.requests).to.deep.equal([]);
    });
  }

  it('the simulator answers a range over 90 days with 400 {"error"}, which the client reports', async () => {
    const error = await clientOf(maestroqa, sim.cfg)
      .coachingSessions('2024-01-01', '2024-04-01', 'createdAt')
      .catch((e: Error) => e);
    expect((error as Error).message).to.equal(
      'MaestroQA rejected POST /coaching-sessions with HTTP 400: endDate must be within 90 days of startDate',
    );
    expect((error as Error).message).to.not.include(String(sim.cfg.apiToken));
  });
});
