import { expect } from 'chai';
import nock from 'nock';
import { runProcess } from '@oih-suite/kit/testing';
import getScores from '../lib/actions/getScores';
import type { NpsResponse, ProjectResponse } from '../lib/types';
import { BASE, CFG, ORIGIN, expectSchema, page, review, tokenInterceptor, useNock } from './helpers';

const FROM = '2024-11-01T00:00:00.000Z';
const TO = '2024-11-30T23:59:59.000Z';

const closedOn = (id: number, rating: -1 | 0 | 1 | null, closed: string, status: 'open' | 'deleted' = 'open') =>
  review(id, '2024-12-01T10:00:00.000001Z', {
    rating,
    rated_on: rating === null ? null : closed,
    status,
    ticket: { id: String(id), title: 't', segment: { id: '1', name: 'Engineering' }, agents: [], closed_on: closed },
  });

const nps = (id: number, score: number, createdAt: string): NpsResponse => ({
  id,
  score,
  comment: null,
  has_marketing_permission: false,
  contact: null,
  contact_remote_id: null,
  campaign_name: 'Quarterly NPS',
  created_at: createdAt,
});

const project = (id: string, date: string, ratings: [string, number][]): ProjectResponse => ({
  response: {
    id,
    ratings: ratings.map(([question, rating], i) => ({ question, rating, seq_number: i + 1 })),
    comment: null,
    survey_name: 'Project close-out',
    is_published: true,
    has_marketing_permissions: false,
    has_google_redirect: false,
    project_name: 'p',
    project_company: 'c',
    project_phase: null,
    date,
    project_status: null,
    project_phase_status: null,
  },
  contact: null,
});

describe('smileback getScores', () => {
  useNock();

  it('computes Net CSAT, response rate, NPS and the project survey score from a fixed data set', async () => {
    const api = nock(ORIGIN);
    tokenInterceptor(api);
    const reviewQuery = { modified_since: FROM, include_unrated: 'true', limit: '1000' };
    api
      .get('/api/v3/reviews/')
      .query(reviewQuery)
      .reply(
        200,
        page(
          [
            closedOn(1, 1, '2024-11-02T09:00:00Z'),
            closedOn(2, 1, '2024-11-03T09:00:00Z'),
            closedOn(3, 1, '2024-11-04T09:00:00Z'),
            closedOn(4, 0, '2024-11-05T09:00:00Z'),
            closedOn(5, -1, '2024-11-06T09:00:00Z'),
          ],
          `${BASE}/v3/reviews/?include_unrated=true&limit=1000&modified_since=2024-11-01T00%3A00%3A00.000Z&offset=5`,
          10,
        ),
      );
    api
      .get('/api/v3/reviews/')
      .query({ ...reviewQuery, offset: '5' })
      .reply(
        200,
        page(
          [
            closedOn(6, null, '2024-11-07T09:00:00Z'),
            closedOn(7, null, '2024-11-08T09:00:00Z'),
            closedOn(8, -1, '2024-11-09T09:00:00Z', 'deleted'), // deleted: not counted
            closedOn(9, 1, '2024-10-31T23:00:00Z'), // closed before the period
            closedOn(10, 1, '2024-12-01T00:00:00Z'), // closed after the period
          ],
          null,
          10,
        ),
      );
    api
      .get('/api/v3/nps-responses/')
      .query({ created_since: FROM, campaign_name: 'Quarterly NPS', limit: '1000' })
      .reply(
        200,
        page([
          nps(1, 10, '2024-11-02T10:00:00.000001Z'),
          nps(2, 10, '2024-11-03T10:00:00Z'),
          nps(3, 9, '2024-11-04T10:00:00Z'),
          nps(4, 9, '2024-11-05T10:00:00Z'),
          nps(5, 8, '2024-11-06T10:00:00Z'),
          nps(6, 6, '2024-11-07T10:00:00Z'),
          nps(7, 3, '2024-11-08T10:00:00Z'),
          nps(8, 0, '2024-12-02T10:00:00Z'), // after the period
        ]),
      );
    // The project list has no filter at all: the period is applied here.
    api
      .get('/api/v3/prj-responses/')
      .query({ limit: '1000' })
      .reply(200, [
        project('a', '2024-11-10T08:00:00.000000+00:00', [
          ['Budget', 5],
          ['Communication', 4],
        ]),
        project('b', '2024-11-12T08:00:00.000000+00:00', [
          ['Budget', 3],
          ['Communication', 2],
          ['Timeliness', 4],
        ]),
        project('c', '2024-11-20T08:00:00.000000+00:00', [['Budget', 4]]),
        project('d', '2024-10-01T08:00:00.000000+00:00', [['Budget', 1]]), // before the period
      ]);

    const { self, error } = await runProcess(getScores.process, { body: { from: FROM, to: TO, campaignName: 'Quarterly NPS' } }, CFG);
    expect(error).to.equal(undefined);
    const data = self.data[0].data as Record<string, unknown>;
    expect(data).to.deep.equal({
      period: { from: FROM, to: TO },
      filters: { boardId: null, companyId: null, campaignName: 'Quarterly NPS', surveyName: null },
      csat: {
        // In the period: 3 positive, 1 neutral, 1 negative, 2 unrated (7 reviews, 5 rated).
        // Net CSAT = (3·100 + 1·0 + 1·(−100)) / 5 = 200 / 5 = 40
        netCsat: 40,
        // Response rate = 5 rated / 7 reviews = 71.428…% → 71.43
        responseRate: 71.43,
        counts: { reviews: 7, rated: 5, unrated: 2, positive: 3, neutral: 1, negative: 1 },
      },
      nps: {
        // 7 responses: promoters 10, 10, 9, 9 (4); passive 8 (1); detractors 6, 3 (2).
        // NPS = 4/7·100 − 2/7·100 = 57.142… − 28.571… = 28.571… → 28.57
        nps: 28.57,
        counts: { responses: 7, promoters: 4, passives: 1, detractors: 2 },
      },
      projectSurvey: {
        // Budget (5 + 3 + 4) / 3 = 4; Communication (4 + 2) / 2 = 3; Timeliness 4 / 1 = 4.
        // Score = (4 + 3 + 4) / 3 = 3.666… → 3.67
        score: 3.67,
        categories: [
          { question: 'Budget', average: 4, ratings: 3 },
          { question: 'Communication', average: 3, ratings: 2 },
          { question: 'Timeliness', average: 4, ratings: 1 },
        ],
        counts: { responses: 3, ratings: 6, categories: 3 },
      },
    });
    expect(self.data[0].metadata).to.deep.equal({ applicationUid: 'smileback' });
    expectSchema('getScores.out.json', data);
  });

  it('an empty period gives nulls with zero counts, never a division error', async () => {
    const api = nock(ORIGIN);
    tokenInterceptor(api);
    api.get('/api/v3/reviews/').query({ modified_since: FROM, include_unrated: 'true', limit: '1000' }).reply(200, page([]));
    api.get('/api/v3/nps-responses/').query({ created_since: FROM, limit: '1000' }).reply(200, page([]));
    api.get('/api/v3/prj-responses/').query({ limit: '1000' }).reply(200, page([]));
    const { self, error } = await runProcess(getScores.process, { body: {} }, { ...CFG, from: FROM, to: TO });
    expect(error).to.equal(undefined);
    const data = self.data[0].data as Record<string, unknown>;
    expect(data.csat).to.deep.equal({
      netCsat: null,
      responseRate: null,
      counts: { reviews: 0, rated: 0, unrated: 0, positive: 0, neutral: 0, negative: 0 },
    });
    expect(data.nps).to.deep.equal({ nps: null, counts: { responses: 0, promoters: 0, passives: 0, detractors: 0 } });
    expect(data.projectSurvey).to.deep.equal({ score: null, categories: [], counts: { responses: 0, ratings: 0, categories: 0 } });
    expectSchema('getScores.out.json', data);
  });

  it('a period without a start is refused before anything is sent', async () => {
    const { error } = await runProcess(getScores.process, { body: { to: TO } }, CFG);
    expect(error?.message).to.equal('from: is required (ISO 8601, e.g. 2024-01-01T00:00:00Z)');
  });
});
