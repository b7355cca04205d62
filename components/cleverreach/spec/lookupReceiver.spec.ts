import { expect } from 'chai';
import nock from 'nock';
import { runProcess } from '@oih-suite/kit/testing';
import lookupReceiver from '../lib/actions/lookupReceiver';
import { expectSchema } from './helpers';
import { BASE, CFG, TOKEN, tokenInterceptor, useNock } from './nockSetup';

const found = {
  id: '42',
  email: 'lena@example.com',
  group_id: '7',
  activated: 1_700_000_000,
  deactivated: 0,
  registered: 1_700_000_000,
  attributes: { anrede: 'Frau' },
  global_attributes: { vorname: 'Lena', nachname: 'Koch', telefon: '+49 40 1' },
  tags: ['Customer'],
};
const api = () => nock(BASE, { reqheaders: { authorization: `Bearer ${TOKEN}` } });

describe('lookupReceiver', () => {
  useNock();

  it('finds a receiver by e-mail and emits it as an OIH Person with its group', async () => {
    tokenInterceptor(nock(BASE));
    const scope = api()
      .get('/v3/receivers.json/lena%40example.com')
      .reply(200, found)
      .get('/v3/groups.json')
      .reply(200, [{ id: '7', name: 'Newsletter' }]);
    const { self, error } = await runProcess(lookupReceiver.process, { data: { email: 'lena@example.com' } }, CFG);
    expect(error).to.equal(undefined);
    scope.done();
    expect(self.data).to.deep.equal([
      {
        metadata: { recordUid: '42', applicationUid: 'cleverreach' },
        data: {
          firstName: 'Lena',
          lastName: 'Koch',
          salutation: 'Frau',
          contactData: [
            { type: 'email', value: 'lena@example.com' },
            { type: 'phone', value: '+49 40 1' },
          ],
          categories: [
            { name: 'Customer', label: 'tag' },
            { name: 'Newsletter', label: 'group' },
            { name: 'active', label: 'status' },
          ],
        },
      },
    ]);
    expectSchema('lookupReceiver.out.json', self.data[0].data);
  });

  it('reports a receiver without a group by its own active flag, as the triggers do', async () => {
    // Activated and never deactivated, but CleverReach says active: false (e.g. deactivated by an admin).
    const { group_id: _group, ...withoutGroup } = found;
    tokenInterceptor(nock(BASE)); // one token for both runs (the kit caches it per credential)
    for (const active of [false, true]) {
      const scope = api()
        .get('/v3/receivers.json/42')
        .reply(200, { ...withoutGroup, active });
      const { self, error } = await runProcess(lookupReceiver.process, { data: { id: '42' } }, CFG);
      expect(error).to.equal(undefined);
      scope.done();
      const categories = (self.data[0].data as { categories: unknown[] }).categories;
      expect(categories).to.deep.include({ name: active ? 'active' : 'inactive', label: 'status' });
      expect(categories).to.not.deep.include({ name: active ? 'inactive' : 'active', label: 'status' });
    }
  });

  it('passes the raw receiver with skipTransformation, looking by id within groupId', async () => {
    tokenInterceptor(nock(BASE));
    const scope = api()
      .get('/v3/receivers.json/42')
      .query({ group_id: '7' })
      .reply(200, found)
      .get('/v3/groups.json')
      .reply(200, [{ id: '7', name: 'Newsletter' }]);
    const { self, error } = await runProcess(lookupReceiver.process, { data: { id: '42' } }, { ...CFG, groupId: '7', skipTransformation: true });
    expect(error).to.equal(undefined);
    scope.done();
    expect(self.data).to.deep.equal([
      { metadata: { recordUid: '42', applicationUid: 'cleverreach' }, data: { ...found, groups: [{ id: '7', name: 'Newsletter', active: true }] } },
    ]);
  });

  it('fails when nothing matches, unless allowZeroResults (then it emits {})', async () => {
    tokenInterceptor(nock(BASE));
    const scope = api()
      .get('/v3/receivers.json/nobody%40example.com')
      .reply(404, { error: { code: 404, message: 'Not Found: invalid receiver' } })
      .get('/v3/receivers.json/nobody%40example.com')
      .reply(200, []);
    const failed = await runProcess(lookupReceiver.process, { data: { email: 'nobody@example.com' } }, CFG);
    expect(failed.error?.message).to.equal('CleverReach has no receiver "nobody@example.com"');
    const allowed = await runProcess(lookupReceiver.process, { data: { email: 'nobody@example.com' } }, { ...CFG, allowZeroResults: 'true' });
    expect(allowed.error).to.equal(undefined);
    scope.done();
    expect(allowed.self.data).to.deep.equal([{ metadata: { applicationUid: 'cleverreach' }, data: {} }]);
    expectSchema('lookupReceiver.out.json', allowed.self.data[0].data);
  });

  it('needs an id or an e-mail address', async () => {
    const { error } = await runProcess(lookupReceiver.process, { data: {} }, CFG);
    expect(error?.message).to.equal('data.email: give the receiver id (data.id) or e-mail address (data.email) to look up');
  });
});
