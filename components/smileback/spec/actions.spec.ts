import { expect } from 'chai';
import nock from 'nock';
import { runProcess } from '@oih-suite/kit/testing';
import lookupReview from '../lib/actions/lookupReview';
import syncResource from '../lib/actions/syncResource';
import { BASE, CFG, ORIGIN, expectSchema, page, review, tokenInterceptor, useNock } from './helpers';

describe('smileback syncResource', () => {
  useNock();

  it('emits one message per record of every page (CSAT contacts as OIH Persons)', async () => {
    const api = nock(ORIGIN);
    tokenInterceptor(api);
    api
      .get('/api/v3/csat-contacts/')
      .query({ limit: '1000' })
      .reply(200, page([{ id: 2522, name: 'John Doe' }], `${BASE}/v3/csat-contacts/?limit=1000&offset=1000`, 2));
    api
      .get('/api/v3/csat-contacts/')
      .query({ limit: '1000', offset: '1000' })
      .reply(200, page([{ id: 2523, name: 'Cher' }], null, 2));
    const { self, error } = await runProcess(syncResource.process, { body: {} }, { ...CFG, resource: 'csat-contacts' });
    expect(error).to.equal(undefined);
    expect(self.data).to.deep.equal([
      {
        metadata: { recordUid: '2522', applicationUid: 'smileback' },
        data: { firstName: 'John', lastName: 'Doe', displayName: 'John Doe', contactData: [] },
      },
      { metadata: { recordUid: '2523', applicationUid: 'smileback' }, data: { lastName: 'Cher', displayName: 'Cher', contactData: [] } },
    ]);
    for (const message of self.data) expectSchema('person.json', message.data);
  });

  it('accepts a plain array where the envelope is expected (the auxiliary lists come both ways)', async () => {
    const api = nock(ORIGIN);
    tokenInterceptor(api);
    api
      .get('/api/v3/nps-campaigns/')
      .query({ limit: '1000' })
      .reply(200, [{ id: 4, name: 'Quarterly NPS' }]);
    const { self } = await runProcess(syncResource.process, { body: { resource: 'nps-campaigns' } }, CFG);
    expect(self.data).to.deep.equal([{ metadata: { recordUid: '4', applicationUid: 'smileback' }, data: { id: '4', name: 'Quarterly NPS' } }]);
    expectSchema('referenceItem.json', self.data[0].data);
  });

  it('reviews: lastModifiedSince becomes modified_since; nothing found gives one message saying so', async () => {
    const api = nock(ORIGIN);
    tokenInterceptor(api);
    api.get('/api/v3/reviews/').query({ limit: '1000', modified_since: '2024-01-01T00:00:00.000Z' }).reply(200, page([]));
    const { self, error } = await runProcess(syncResource.process, { body: { resource: 'review', lastModifiedSince: '2024-01-01T00:00:00Z' } }, CFG);
    expect(error).to.equal(undefined);
    expect(self.data).to.deep.equal([
      {
        metadata: { applicationUid: 'smileback' },
        data: { message: 'No records found', resource: 'review', lastModifiedSince: '2024-01-01T00:00:00Z' },
      },
    ]);
    expectSchema('syncResource.out.json', self.data[0].data);
  });

  it('project responses: the API has no filter, lastModifiedSince is applied to their date', async () => {
    const api = nock(ORIGIN);
    tokenInterceptor(api);
    const item = (id: string, date: string) => ({
      response: {
        id,
        ratings: [],
        comment: null,
        survey_name: 'S',
        is_published: false,
        has_marketing_permissions: false,
        has_google_redirect: false,
        project_name: null,
        project_company: null,
        project_phase: null,
        date,
        project_status: null,
        project_phase_status: null,
      },
      contact: null,
    });
    api
      .get('/api/v3/prj-responses/')
      .query({ limit: '1000' })
      .reply(200, page([item('old', '2023-05-01T00:00:00+00:00'), item('new', '2024-05-01T00:00:00.123456+00:00')]));
    const { self } = await runProcess(syncResource.process, { body: { resource: 'prj-response', lastModifiedSince: '2024-01-01' } }, CFG);
    expect(self.data.map((m) => m.metadata)).to.deep.equal([{ recordUid: 'new', applicationUid: 'smileback' }]);
    expectSchema('projectResponse.json', self.data[0].data);
  });

  it('an unknown resource is an error naming it, and nothing is sent', async () => {
    const { self, error } = await runProcess(syncResource.process, { body: { resource: 'tickets' } }, CFG);
    expect(error?.message).to.equal('Resource not supported: tickets');
    expect(self.data).to.deep.equal([]);
  });
});

describe('smileback lookupReview', () => {
  useNock();

  it('reads one review by id and maps it like the trigger', async () => {
    const api = nock(ORIGIN);
    tokenInterceptor(api);
    api.get('/api/v3/reviews/35929235/').reply(200, review(35929235, '2024-12-12T01:48:58.533361Z'));
    const { self, error } = await runProcess(lookupReview.process, { body: { id: '35929235' } }, CFG);
    expect(error).to.equal(undefined);
    expect(self.data[0].metadata).to.deep.equal({ recordUid: '35929235', applicationUid: 'smileback' });
    expectSchema('csatReview.json', self.data[0].data);
  });

  it('an unknown review is an error, or {} with allowZeroResults', async () => {
    const api = nock(ORIGIN);
    tokenInterceptor(api);
    api.get('/api/v3/reviews/1/').twice().reply(404, { detail: 'Not found.' });
    const failed = await runProcess(lookupReview.process, { body: { id: '1' } }, CFG);
    expect(failed.error?.message).to.equal('SmileBack has no review 1');
    const empty = await runProcess(lookupReview.process, { body: { id: '1' } }, { ...CFG, allowZeroResults: true });
    expect(empty.self.data).to.deep.equal([{ metadata: { applicationUid: 'smileback' }, data: {} }]);
  });

  it('a non-numeric id is refused before anything is sent', async () => {
    const { error } = await runProcess(lookupReview.process, { body: { id: 'abc' } }, CFG);
    expect(error?.message).to.equal('data.id: "abc" is not a review id (review ids are whole numbers)');
  });

  it('an id that is an object or array is refused before anything is sent (never …/reviews/[object Object]/)', async () => {
    for (const [msg, field] of [
      [{ body: { id: { id: 1 } } }, 'data.id'],
      [{ body: {}, metadata: { recordUid: [1] } }, 'metadata.recordUid'],
    ] as const) {
      const { error, self } = await runProcess(lookupReview.process, msg, CFG);
      expect(error?.message).to.match(new RegExp(`^${field.replace('.', '\\.')}: must be a record id \\(text or a whole number\\), got `));
      expect(self.data).to.deep.equal([]);
    }
  });

  it('syncResource reads its inputs strictly: an object resource or a free-form date is refused before anything is sent', async () => {
    const object = await runProcess(syncResource.process, { body: { resource: { name: 'review' } } }, CFG);
    expect(object.error?.message).to.equal('resource: must be text, got {"name":"review"}');
    const date = await runProcess(syncResource.process, { body: { lastModifiedSince: 'Tue, 1 Jan 2024' } }, CFG);
    expect(date.error?.message).to.match(/^lastModifiedSince: must be a time \(ISO 8601/);
  });
});
