import { expect } from 'chai';
import nock from 'nock';
import { runProcess } from '@oih-suite/kit/testing';
import upsertReceiver from '../lib/actions/upsertReceiver';
import { expectSchema } from './helpers';
import { BASE, CFG, TOKEN, countUnmatched, tokenInterceptor, useNock } from './nockSetup';

const person = {
  firstName: 'Anna',
  lastName: 'Meyer',
  salutation: 'Frau',
  contactData: [
    { type: 'phone', value: '+49 30 1234' },
    { type: 'email', value: 'anna@example.com' },
  ],
  categories: [{ name: 'VIP', label: 'tag' }, 'Lead'],
};
const names = { firstname: 'Anna', vorname: 'Anna', lastname: 'Meyer', name: 'Meyer', nachname: 'Meyer', salutation: 'Frau', phone: '+49 30 1234' };
const body = { email: 'anna@example.com', attributes: names, global_attributes: names, tags: ['VIP', 'Lead'] };
const returned = (id: string) => ({
  id,
  email: 'anna@example.com',
  group_id: '7',
  registered: 1_700_000_000,
  activated: 1_700_000_000,
  deactivated: 0,
  attributes: names,
  global_attributes: names,
  tags: ['VIP', 'Lead'],
});
const api = () => nock(BASE, { reqheaders: { authorization: `Bearer ${TOKEN}` } });
const json = { 'content-type': 'application/json' };

describe('upsertReceiver', () => {
  useNock();

  it('updates the receiver named by metadata.recordUid in the configured group', async () => {
    const login = tokenInterceptor(nock(BASE));
    const scope = api().put('/v3/groups.json/7/receivers/55', body).matchHeader('content-type', json['content-type']).reply(200, returned('55'));
    const { self, error } = await runProcess(
      upsertReceiver.process,
      { metadata: { recordUid: '55', oihUid: 'oih-1' }, data: person },
      { ...CFG, groupId: '7' },
    );
    expect(error).to.equal(undefined);
    login.done();
    scope.done();
    expect(self.data).to.deep.equal([{ metadata: { recordUid: '55', oihUid: 'oih-1', applicationUid: 'cleverreach' }, data: returned('55') }]);
    expectSchema('upsertReceiver.out.json', self.data[0].data);
    expect(JSON.stringify(self.events) + JSON.stringify(self.logs))
      .not.to.include(TOKEN)
      .and.not.to.include(CFG.client_secret);
  });

  it('falls back to the e-mail within the group when the recordUid is not a member (elastic.io body input)', async () => {
    tokenInterceptor(nock(BASE));
    const scope = api()
      .put('/v3/groups.json/7/receivers/99', body)
      .reply(404, { error: { code: 404, message: 'Not Found: invalid receiver' } })
      .get('/v3/receivers.json/anna%40example.com')
      .query({ group_id: '7' })
      .reply(200, returned('56'))
      .put('/v3/groups.json/7/receivers/56', body)
      .reply(200, returned('56'));
    const { self, error } = await runProcess(upsertReceiver.process, { metadata: { recordUid: '99' }, body: person }, { ...CFG, groupId: '7' });
    expect(error).to.equal(undefined);
    scope.done();
    expect(self.data).to.deep.equal([{ metadata: { recordUid: '56', applicationUid: 'cleverreach' }, data: returned('56') }]);
  });

  it('creates the receiver in the group a category names (case-insensitive) when the e-mail is new', async () => {
    tokenInterceptor(nock(BASE));
    const input = {
      ...person,
      categories: [
        { name: 'tag', label: 'VIP' },
        { name: 'group', label: 'NEWSLETTER' },
      ],
    };
    const scope = api()
      .get('/v3/groups.json')
      .reply(200, [
        { id: '3', name: 'Events' },
        { id: '7', name: 'Newsletter' },
      ])
      .get('/v3/receivers.json/anna%40example.com')
      .query({ group_id: '7' })
      .reply(404, { error: { code: 404, message: 'Not Found: invalid receiver' } })
      .post('/v3/groups.json/7/receivers', { ...body, tags: ['VIP'] })
      .reply(200, returned('57'));
    const { self, error } = await runProcess(upsertReceiver.process, { metadata: { oihUid: 'oih-2' }, data: input }, { ...CFG });
    expect(error).to.equal(undefined);
    scope.done();
    expect(self.data).to.deep.equal([{ metadata: { recordUid: '57', oihUid: 'oih-2', applicationUid: 'cleverreach' }, data: returned('57') }]);
  });

  it('rejects a person without an e-mail, naming the field, and sends nothing', async () => {
    const unmatched = countUnmatched();
    const { self, error } = await runProcess(
      upsertReceiver.process,
      { data: { firstName: 'Nomail', contactData: [{ type: 'phone', value: '1' }] } },
      { ...CFG, groupId: '7' },
    );
    unmatched.stop();
    expect(error?.message).to.equal(
      'data.contactData: the person has no e-mail address (contactData entry of type "email"); CleverReach needs one, nothing was sent',
    );
    expect(unmatched.count).to.equal(0);
    expect(self.data).to.deep.equal([]);
  });

  it('fails clearly when neither groupId nor a category names a group', async () => {
    tokenInterceptor(nock(BASE));
    const scope = api()
      .get('/v3/groups.json')
      .reply(200, [{ id: '7', name: 'Newsletter' }]);
    const { error } = await runProcess(upsertReceiver.process, { data: person }, { ...CFG });
    scope.done();
    expect(error?.message).to.equal('groupId: not set, and no category of the person ("VIP", "Lead") names a CleverReach group');
  });

  for (const recordUid of [{ id: 55 }, [55], true, 5.5]) {
    it(`refuses metadata.recordUid ${JSON.stringify(recordUid)} before any request (never PUT …/receivers/[object Object])`, async () => {
      const unmatched = countUnmatched();
      const { self, error } = await runProcess(upsertReceiver.process, { metadata: { recordUid }, data: person }, { ...CFG, groupId: '7' });
      unmatched.stop();
      expect(error?.message).to.match(/^metadata\.recordUid: must be a record id \(text or a whole number\), got /);
      expect(unmatched.count).to.equal(0);
      expect(self.data).to.deep.equal([]);
    });
  }

  it('takes a numeric metadata.recordUid as the receiver id', async () => {
    tokenInterceptor(nock(BASE));
    const scope = api().put('/v3/groups.json/7/receivers/55', body).reply(200, returned('55'));
    const { self, error } = await runProcess(upsertReceiver.process, { metadata: { recordUid: 55 }, data: person }, { ...CFG, groupId: '7' });
    expect(error).to.equal(undefined);
    scope.done();
    expect((self.data[0].metadata as { recordUid: string }).recordUid).to.equal('55');
  });

  describe('deletes', () => {
    const tombstone = { metadata: { recordUid: '55', oihUid: 'oih-1' }, data: { deleteRequested: '2024-01-01T00:00:00Z' } };
    const cfg = { ...CFG, groupId: '7', deletes: true };
    const outcomes: [string, number, unknown, string][] = [
      ['confirmed', 200, 'true', 'CleverReach answers the literal true'],
      ['denied', 403, { error: { code: 403, message: 'Forbidden' } }, 'CleverReach refuses'],
      ['failed', 404, { error: { code: 404, message: 'Not Found: invalid receiver' } }, 'the receiver does not exist'],
    ];
    for (const [outcome, status, reply, when] of outcomes) {
      it(`emits delete "${outcome}" when ${when}`, async () => {
        tokenInterceptor(nock(BASE));
        const scope = nock(BASE, { reqheaders: { authorization: `Bearer ${TOKEN}` } })
          .delete('/v3/receivers.json/55')
          .query({ group_id: '7' })
          .reply(status, reply as nock.Body, { 'content-type': 'application/json' });
        const { self, error } = await runProcess(upsertReceiver.process, tombstone, cfg);
        expect(error).to.equal(undefined);
        scope.done();
        expect(self.data).to.deep.equal([
          {
            metadata: { recordUid: '55', oihUid: 'oih-1', applicationUid: 'cleverreach' },
            data: { delete: outcome, timestamp: '2024-01-01T02:46:40.500Z' },
          },
        ]);
        expectSchema('upsertReceiver.out.json', self.data[0].data);
      });
    }

    it('refuses a delete request when deletes are not enabled, and sends nothing', async () => {
      const unmatched = countUnmatched();
      const { self, error } = await runProcess(upsertReceiver.process, tombstone, { ...CFG, groupId: '7' });
      unmatched.stop();
      expect(error?.message).to.equal('deletes: the message asks to delete receiver 55, but deletes are not enabled on this step');
      expect(unmatched.count).to.equal(0);
      expect(self.data).to.deep.equal([]);
    });

    it('needs metadata.recordUid to delete', async () => {
      const { error } = await runProcess(upsertReceiver.process, { data: { deleteRequested: true } }, cfg);
      expect(error?.message).to.equal('metadata.recordUid: a delete needs the id of the CleverReach receiver');
    });

    for (const value of ['false', 0, '0', 'no', { at: 'now' }, 'yesterday']) {
      it(`deleteRequested ${JSON.stringify(value)} is an error, never a delete, and sends nothing`, async () => {
        const unmatched = countUnmatched();
        const { self, error } = await runProcess(upsertReceiver.process, { ...tombstone, data: { deleteRequested: value } }, cfg);
        unmatched.stop();
        expect(error?.message).to.match(/^data\.deleteRequested: must be true or the time of the deletion \(ISO 8601\)/);
        expect(unmatched.count).to.equal(0);
        expect(self.data).to.deep.equal([]);
      });
    }
  });
});
