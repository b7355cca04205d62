import { expect } from 'chai';
import nock from 'nock';
import { resetSharedThrottles, timing } from '@oih-suite/kit/engine';
import { runProcess } from '@oih-suite/kit/testing';
import action from '../lib/actions/exportCoachingSessions';
import verifyCredentials from '../lib/verifyCredentials';

const BASE = 'https://maestro.test/api/v1';
const cfg = { apiToken: 'action-test-token-123', baseUrl: BASE };

describe('maestroqa exportCoachingSessions and verifyCredentials', () => {
  beforeEach(() => {
    resetSharedThrottles();
    timing.intervalScale = 0.001;
  });
  afterEach(() => {
    timing.intervalScale = 1;
    resetSharedThrottles();
    nock.cleanAll();
  });

  it('splits a 200-day range into 90-day requests and emits every session', async () => {
    const session = (id: string, extra = {}) => ({
      _id: id,
      coachId: 'c1',
      coachName: 'Grace',
      agentId: 'a1',
      agentName: 'Jon',
      updatedAt: '2024-02-01T00:00:00.000Z',
      ...extra,
    });
    const scope = nock(BASE, { reqheaders: { apiToken: cfg.apiToken, 'content-type': 'application/json' } })
      .post('/coaching-sessions', { startDate: '2024-01-01', endDate: '2024-03-30', timeAxis: 'meetingDate' })
      .reply(200, [session('s1'), session('s2', { isDeleted: true })])
      .post('/coaching-sessions', { startDate: '2024-03-31', endDate: '2024-06-28', timeAxis: 'meetingDate' })
      .reply(200, [])
      .post('/coaching-sessions', { startDate: '2024-06-29', endDate: '2024-07-18', timeAxis: 'meetingDate' })
      .reply(200, [session('s3')]);
    const outcome = await runProcess(action.process, { data: { startDate: '2024-01-01', endDate: '2024-07-18', timeAxis: 'meetingDate' } }, cfg);
    expect(outcome.error).to.equal(undefined);
    expect(scope.isDone()).to.equal(true);
    expect(outcome.self.data).to.deep.equal([
      {
        metadata: { recordUid: 's1', applicationUid: 'maestroqa' },
        data: {
          kind: 'coachingSession',
          id: 's1',
          updatedAt: '2024-02-01T00:00:00.000Z',
          coach: { applicationUid: 'maestroqa', recordUid: 'c1', displayName: 'Grace' },
          agent: { applicationUid: 'maestroqa', recordUid: 'a1', displayName: 'Jon' },
        },
      },
      { metadata: { recordUid: 's2', applicationUid: 'maestroqa' }, data: { deleteRequested: '2024-02-01T00:00:00.000Z' } },
      {
        metadata: { recordUid: 's3', applicationUid: 'maestroqa' },
        data: {
          kind: 'coachingSession',
          id: 's3',
          updatedAt: '2024-02-01T00:00:00.000Z',
          coach: { applicationUid: 'maestroqa', recordUid: 'c1', displayName: 'Grace' },
          agent: { applicationUid: 'maestroqa', recordUid: 'a1', displayName: 'Jon' },
        },
      },
    ]);
  });

  for (const [input, message] of [
    [{ endDate: '2024-01-02' }, 'startDate: is required (YYYY-MM-DD)'],
    [{ startDate: '2024-01-01' }, 'endDate: is required (YYYY-MM-DD)'],
    [{ startDate: '2024-02-30', endDate: '2024-03-01' }, 'startDate: "2024-02-30" is not a date; use YYYY-MM-DD'],
    [{ startDate: '2024-01-01', endDate: 'next week' }, 'endDate: "next week" is not a date; use YYYY-MM-DD'],
    [{ startDate: { day: '2024-01-01' }, endDate: '2024-01-02' }, 'startDate: must be text, got {"day":"2024-01-01"}'],
    [{ startDate: ['2024-01-01'], endDate: '2024-01-02' }, 'startDate: must be text, got ["2024-01-01"]'],
    [{ startDate: '2024-03-01', endDate: '2024-02-29' }, 'endDate: 2024-02-29 is before startDate 2024-03-01'],
    [{ startDate: '2024-01-01', endDate: '2024-01-02', timeAxis: 'updatedAt' }, 'timeAxis: must be "createdAt" or "meetingDate", got "updatedAt"'],
  ] as const) {
    it(`rejects ${JSON.stringify(input)} before any request: ${message}`, async () => {
      // nock has no interceptors and the network is off: any request would fail differently.
      const outcome = await runProcess(action.process, { data: input }, cfg);
      expect(outcome.error?.message).to.equal(message);
      expect(outcome.self.data).to.deep.equal([]);
    });
  }

  it('accepts ISO times, taking their UTC day', async () => {
    const scope = nock(BASE).post('/coaching-sessions', { startDate: '2024-01-01', endDate: '2024-01-02', timeAxis: 'createdAt' }).reply(200, []);
    const outcome = await runProcess(action.process, { body: { startDate: '2024-01-01T10:00:00Z', endDate: '2024-01-02T23:00:00+00:00' } }, cfg);
    expect(outcome.error).to.equal(undefined);
    expect(scope.isDone()).to.equal(true);
  });

  it('verifyCredentials makes one one-day export call and reports a refused token without the token', async () => {
    const day = new Date().toISOString().slice(0, 10);
    const ok = nock(BASE, { reqheaders: { apiToken: cfg.apiToken } })
      .post('/coaching-sessions', { startDate: day, endDate: day, timeAxis: 'createdAt' })
      .reply(200, []);
    expect(await verifyCredentials(cfg)).to.deep.equal({ verified: true });
    expect(ok.isDone()).to.equal(true);
    const refused = nock(BASE)
      .post('/coaching-sessions')
      .reply(401, { error: `Invalid API token ${cfg.apiToken}` });
    const result = await verifyCredentials(cfg);
    expect(refused.isDone()).to.equal(true);
    expect(result).to.deep.equal({
      verified: false,
      reason: 'MaestroQA refused the credentials (HTTP 401) on POST /coaching-sessions: Invalid API token ***',
    });
    expect(await verifyCredentials({ baseUrl: BASE })).to.deep.equal({
      verified: false,
      reason: 'apiToken: is required: create one under Other Settings → API Tokens',
    });
  });
});
