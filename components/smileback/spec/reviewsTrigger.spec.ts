import { expect } from 'chai';
import nock from 'nock';
import { runProcess } from '@oih-suite/kit/testing';
import trigger from '../lib/triggers/getReviewsPolling';
import { timing } from '@oih-suite/kit/engine';
import { BASE, CFG, NOW_MS, ORIGIN, UNTIL, expectSchema, page, review, tokenInterceptor, useNock } from './helpers';

const TICK = { body: {} };

/** The example review of the API documentation as our CSAT feedback model. */
const mappedExample = (id: number, lastModified: string) => ({
  reviewId: String(id),
  rating: 1,
  ratingLabel: 'positive',
  score: 100,
  comment: 'quick fix, thanks',
  status: 'open',
  tags: [],
  hasMarketingPermission: false,
  viewedOn: null,
  ratedOn: '2024-12-12T01:48:29.627972Z',
  lastModified,
  permalink: 'https://app.smileback.io/reviews/2864851/',
  ticket: {
    id: '2864851',
    title: 'SL report issue',
    board: { id: '1', name: 'Engineering' },
    agents: ['AshK', 'NiamhF'],
    closedOn: '2024-12-12T01:32:42Z',
  },
  contact: {
    firstName: 'John',
    lastName: 'Doe',
    displayName: 'John Doe',
    contactData: [{ type: 'email', value: 'johndoe@missing.nz', label: 'businessEmail' }],
    oihApplicationRecords: [{ applicationUid: 'smileback', recordUid: '2522' }],
  },
  company: {
    name: 'Missing NZ',
    categories: [
      { name: 'New Zealand', label: 'territory' },
      { name: 'Manufacturing', label: 'market' },
    ],
    oihApplicationRecords: [{ applicationUid: 'smileback', recordUid: '500' }],
  },
});

describe('smileback getReviewsPolling (exact requests and messages)', () => {
  useNock();

  it('first run: all reviews with unrated ones, continues from the newest time read (keyset), a deleted review becomes a tombstone', async () => {
    const api = nock(ORIGIN);
    tokenInterceptor(api);
    const t1 = '2024-12-12T01:48:58.533361Z';
    const t2 = '2024-12-12T01:50:00.123456Z';
    const unrated = review(3, t2, { rating: null, rated_on: null, comment: null });
    api
      .get('/api/v3/reviews/')
      .query({ include_unrated: 'true', limit: '2' })
      .matchHeader('authorization', 'Bearer access-token-0123456789')
      .reply(200, page([review(1, t1), review(2, t2, { status: 'deleted' })], `${BASE}/v3/reviews/?include_unrated=true&limit=2&offset=2`, 3));
    // Not the next link's offset=2: from the newest time of page 1, skipping the one review read at it.
    api
      .get('/api/v3/reviews/')
      .query({ include_unrated: 'true', modified_since: '2024-12-12T01:50:00.123Z', limit: '2', offset: '1' })
      .reply(200, page([unrated], null, 2));

    const { self, error } = await runProcess(trigger.process, TICK, { ...CFG, includeUnrated: 'true', pageSize: '2' }, {});
    expect(error).to.equal(undefined);
    expect(self.events.map((e) => e.event)).to.deep.equal(['data', 'data', 'snapshot', 'data', 'snapshot']);
    expect(self.data).to.deep.equal([
      { metadata: { recordUid: '1', applicationUid: 'smileback' }, data: mappedExample(1, t1) },
      // "Reviews marked with status = deleted must be removed": an OIH tombstone, not the record.
      { metadata: { recordUid: '2', applicationUid: 'smileback' }, data: { deleteRequested: '2024-12-12T01:50:00.123Z' } },
      {
        metadata: { recordUid: '3', applicationUid: 'smileback' },
        data: { ...mappedExample(3, t2), reviewId: '3', rating: null, ratingLabel: 'unrated', score: null, comment: null, ratedOn: null },
      },
    ]);
    expect(self.snapshots).to.deep.equal([{ lastUpdated: '2024-12-12T01:50:00.123Z', seen: ['2'] }, { lastUpdated: UNTIL }]);
    expectSchema('csatReview.json', self.data[0].data);
    expectSchema('csatReview.json', self.data[2].data);
    expect(JSON.stringify(self.events)).not.to.match(/pw-very-private|secret-very-private|access-token-0123456789/);
  });

  it('many reviews sharing one last_modified across page breaks: a restart after the first page emits exactly the rest', async () => {
    const before = '2024-12-12T01:00:00.000001Z';
    const shared = '2024-12-12T02:00:00.000500Z';
    const sharedMs = '2024-12-12T02:00:00.000Z';
    const all = [review(10, before), ...[11, 12, 13, 14, 15, 16].map((id) => review(id, shared))];
    const next = (offset: number) => `${BASE}/v3/reviews/?modified_since=2024-12-12T00%3A00%3A00.000Z&limit=3&offset=${offset}`;
    const api = nock(ORIGIN);
    tokenInterceptor(api);
    const first = { modified_since: '2024-12-12T00:00:00.000Z', limit: '3' };
    api
      .get('/api/v3/reviews/')
      .query(first)
      .reply(200, page(all.slice(0, 3), next(3), 7));
    // The run "crashes" on the second page (a 400 is not retried), asked from the shared time.
    api.get('/api/v3/reviews/').query({ modified_since: sharedMs, limit: '3', offset: '2' }).reply(400, { detail: 'injected crash' });

    const cfg = { ...CFG, pageSize: 3, startTime: '2024-12-12T00:00:00Z' };
    const crashed = await runProcess(trigger.process, TICK, cfg, {});
    expect(crashed.error?.message).to.equal(
      'SmileBack rejected GET /v3/reviews/?modified_since=2024-12-12T02%3A00%3A00.000Z&limit=3&offset=2 with HTTP 400: injected crash',
    );
    expect(crashed.self.data.map((m) => m.metadata)).to.deep.equal(
      ['10', '11', '12'].map((recordUid) => ({ recordUid, applicationUid: 'smileback' })),
    );
    // The cursor stands at the shared time and names the reviews already emitted there.
    expect(crashed.self.snapshots).to.deep.equal([{ lastUpdated: sharedMs, seen: ['11', '12'] }]);

    // The restart asks from the shared time (inclusive: µs stamps are at or after the ms bound).
    const again = { modified_since: sharedMs, limit: '3' };
    const nextAgain = `${BASE}/v3/reviews/?modified_since=2024-12-12T02%3A00%3A00.000Z&limit=3&offset=3`;
    api
      .get('/api/v3/reviews/')
      .query(again)
      .reply(200, page(all.slice(1, 4), nextAgain, 6));
    // A page all at one time moves on by offset.
    api
      .get('/api/v3/reviews/')
      .query({ ...again, offset: '3' })
      .reply(200, page(all.slice(4, 7), null, 6));
    const restarted = await runProcess(trigger.process, TICK, cfg, crashed.self.lastSnapshot);
    expect(restarted.error).to.equal(undefined);
    expect(restarted.self.data.map((m) => (m.metadata as { recordUid: string }).recordUid)).to.deep.equal(['13', '14', '15', '16']);
    expect(restarted.self.snapshots).to.deep.equal([{ lastUpdated: sharedMs, seen: ['11', '12', '13'] }, { lastUpdated: UNTIL }]);
  });

  it('a later run asks modified_since from the snapshot and emits nothing when nothing changed', async () => {
    const api = nock(ORIGIN);
    tokenInterceptor(api);
    api
      .get('/api/v3/reviews/')
      .query({ modified_since: '2024-12-12T01:48:58.533Z', limit: '1000' })
      .reply(200, page([review(1, '2024-12-12T01:48:58.533361Z')]));
    const { self, error } = await runProcess(trigger.process, TICK, CFG, { lastUpdated: '2024-12-12T01:48:58.533Z', seen: ['1'] });
    expect(error).to.equal(undefined);
    expect(self.data).to.deep.equal([]);
    expect(self.snapshots).to.deep.equal([{ lastUpdated: UNTIL }]);
  });

  it('skipTransformation emits the review as SmileBack sent it', async () => {
    const api = nock(ORIGIN);
    tokenInterceptor(api);
    const raw = review(1, '2024-12-12T01:48:58.533361Z');
    api
      .get('/api/v3/reviews/')
      .query({ limit: '1000' })
      .reply(200, page([raw]));
    const { self } = await runProcess(trigger.process, TICK, { ...CFG, skipTransformation: true }, {});
    expect(self.data).to.deep.equal([{ metadata: { recordUid: '1', applicationUid: 'smileback' }, data: raw }]);
  });

  it('a 429 whose only hint is the DRF text "Expected available in N seconds" is waited out', async () => {
    const api = nock(ORIGIN);
    tokenInterceptor(api);
    api.get('/api/v3/reviews/').query({ limit: '1000' }).reply(429, { detail: 'Request was throttled. Expected available in 2 seconds.' });
    api
      .get('/api/v3/reviews/')
      .query({ limit: '1000' })
      .reply(200, page([review(1, '2024-12-12T01:48:58.533361Z')]));
    // The throttle holds every step back for the whole wait: a clock whose sleeps pass at once.
    let t = NOW_MS;
    timing.clock = { now: () => t, sleep: async (ms) => void (t += ms) };
    const { self, error } = await runProcess(trigger.process, TICK, CFG, {});
    expect(error).to.equal(undefined);
    expect(self.data.map((m) => m.metadata)).to.deep.equal([{ recordUid: '1', applicationUid: 'smileback' }]);
    expect(self.logs.some((l) => l.message === 'Retrying after provider asked to wait' && (l.fields as { waitMs: number }).waitMs === 2000)).to.equal(
      true,
    );
  });
});
