import { expect } from 'chai';
import nock from 'nock';
import { runProcess } from '@oih-suite/kit/testing';
import { fingerprint } from '@oih-suite/kit/engine';
import companies from '../lib/triggers/getCsatCompaniesPolling';
import npsTrigger from '../lib/triggers/getNpsResponsesPolling';
import projectResponses from '../lib/triggers/getProjectResponsesPolling';
import { BASE, CFG, ORIGIN, UNTIL, expectSchema, page, tokenInterceptor, useNock } from './helpers';

describe('smileback getNpsResponsesPolling', () => {
  useNock();

  it('asks created_since (NPS responses have no last_modified) with the campaign and score filters', async () => {
    const api = nock(ORIGIN);
    tokenInterceptor(api);
    const response = {
      id: 12,
      score: 9,
      comment: 'great',
      has_marketing_permission: true,
      contact: { id: 70, first_name: 'Ada', last_name: 'Berg', email: 'ada@example.com', company: 'Northwind', title: 'CTO', location: 'Berlin' },
      contact_remote_id: '9012',
      campaign_name: 'Quarterly NPS',
      created_at: '2024-12-01T08:00:00.000001Z',
    };
    api
      .get('/api/v3/nps-responses/')
      .query({ campaign_name: 'Quarterly NPS', score_gt: '8', created_since: '2024-11-01T00:00:00.000Z', limit: '1000' })
      .reply(200, page([response]));
    const cfg = { ...CFG, campaignName: 'Quarterly NPS', scoreGt: '8', startTime: '2024-11-01T00:00:00Z' };
    const { self, error } = await runProcess(npsTrigger.process, {}, cfg, {});
    expect(error).to.equal(undefined);
    expect(self.data).to.deep.equal([
      {
        metadata: { recordUid: '12', applicationUid: 'smileback' },
        data: {
          responseId: '12',
          score: 9,
          category: 'promoter',
          comment: 'great',
          campaignName: 'Quarterly NPS',
          createdAt: '2024-12-01T08:00:00.000001Z',
          hasMarketingPermission: true,
          contact: {
            firstName: 'Ada',
            lastName: 'Berg',
            jobTitle: 'CTO',
            contactData: [{ type: 'email', value: 'ada@example.com', label: 'businessEmail' }],
            oihApplicationRecords: [{ applicationUid: 'smileback', recordUid: '70' }],
          },
          company: { name: 'Northwind' },
          contactRemoteId: '9012',
          location: 'Berlin',
        },
      },
    ]);
    expect(self.snapshots).to.deep.equal([{ lastUpdated: UNTIL }]);
    expectSchema('npsResponse.json', self.data[0].data);
  });

  it('a score outside 0–10 is refused before anything is sent', async () => {
    const { error } = await runProcess(npsTrigger.process, {}, { ...CFG, scoreExact: '11' }, {});
    expect(error?.message).to.equal('scoreExact: must be a score from 0 to 10');
  });
});

describe('smileback reference-data triggers (getCsatCompaniesPolling)', () => {
  useNock();

  it('emits all companies first, then only new and changed ones; the snapshot keeps 8 bytes a record', async () => {
    const a = { id: 500, name: 'Missing NZ' };
    const b = { id: 501, name: 'Orbit Bakery' };
    const bRenamed = { id: 501, name: 'Orbit Bakery Ltd' };
    const c = { id: 502, name: 'Quarry Labs' };
    const api = nock(ORIGIN);
    tokenInterceptor(api);
    // Plain array first (as some API versions answer), the envelope later.
    api.get('/api/v3/csat-companies/').query({ limit: '1000' }).reply(200, [a, b]);
    api
      .get('/api/v3/csat-companies/')
      .query({ limit: '1000' })
      .reply(200, page([a, bRenamed, c]));

    const first = await runProcess(companies.process, {}, CFG, {});
    expect(first.error).to.equal(undefined);
    expect(first.self.data).to.deep.equal([
      { metadata: { recordUid: '500', applicationUid: 'smileback' }, data: { name: 'Missing NZ', categories: [] } },
      { metadata: { recordUid: '501', applicationUid: 'smileback' }, data: { name: 'Orbit Bakery', categories: [] } },
    ]);
    expect(first.self.snapshots).to.deep.equal([{ lastUpdated: UNTIL, fingerprints: [fingerprint(a), fingerprint(b)].sort().join('') }]);
    expectSchema('organization.json', first.self.data[0].data);

    const second = await runProcess(companies.process, {}, CFG, first.self.lastSnapshot);
    expect(second.self.data.map((m) => m.data)).to.deep.equal([
      { name: 'Orbit Bakery Ltd', categories: [] },
      { name: 'Quarry Labs', categories: [] },
    ]);
    // A complete listing replaces the hashes: the old name's hash is gone.
    expect(second.self.lastSnapshot).to.deep.equal({
      lastUpdated: UNTIL,
      fingerprints: [fingerprint(a), fingerprint(bRenamed), fingerprint(c)].sort().join(''),
    });
  });
});

describe('smileback getProjectResponsesPolling: a resumed scan', () => {
  useNock();

  const item = (id: string, date: string) => ({ response: { id, date, score: 1 }, survey: { id: 's1', name: 'Survey' } });

  it('restarts the window when the stored next link lies beyond the end, instead of completing', async () => {
    const api = nock(ORIGIN);
    tokenInterceptor(api);
    api
      .get('/api/v3/prj-responses/')
      .query({ limit: '2', offset: '900' })
      .reply(200, page([], null, 3))
      .get('/api/v3/prj-responses/')
      .query({ limit: '2' })
      .reply(200, page([item('p1', '2024-12-01T00:00:00Z'), item('p2', '2024-12-02T00:00:00Z')], `${BASE}/v3/prj-responses/?limit=2&offset=2`, 3))
      .get('/api/v3/prj-responses/')
      .query({ limit: '2', offset: '2' })
      .reply(200, page([item('p3', '2024-12-03T00:00:00Z')], null, 3));
    const snapshot = { lastUpdated: '2024-11-01T00:00:00.000Z', scan: { until: UNTIL, after: `${BASE}/v3/prj-responses/?limit=2&offset=900` } };
    const { self, error } = await runProcess(projectResponses.process, {}, { ...CFG, pageSize: 2 }, snapshot);
    expect(error).to.equal(undefined);
    expect(nock.pendingMocks()).to.deep.equal([]);
    expect(self.data.map((m) => (m.metadata as { recordUid: string }).recordUid)).to.deep.equal(['p1', 'p2', 'p3']);
    expect(self.lastSnapshot).to.deep.equal({ lastUpdated: UNTIL });
  });

  it('refuses a response without response.id, naming the field and its place', async () => {
    const api = nock(ORIGIN);
    tokenInterceptor(api);
    api
      .get('/api/v3/prj-responses/')
      .query({ limit: '1000' })
      .reply(200, page([item('p1', '2024-12-01T00:00:00Z'), { response: { date: '2024-12-02T00:00:00Z' } }]));
    const { self, error } = await runProcess(projectResponses.process, {}, CFG, { lastUpdated: '2024-11-01T00:00:00.000Z' });
    expect(error?.message).to.equal(
      'A record without a usable id: its "response.id" is missing (page 1, record index 1); nothing from this page was emitted',
    );
    expect(self.data).to.deep.equal([]);
  });
});
