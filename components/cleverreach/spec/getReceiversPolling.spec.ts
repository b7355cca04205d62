import { expect } from 'chai';
import nock from 'nock';
import { runProcess } from '@oih-suite/kit/testing';
import byGroup from '../lib/triggers/getReceiversByGroupIdPolling';
import allGroups from '../lib/triggers/getReceiversPolling';
import { expectSchema } from './helpers';
import { BASE, CFG, TOKEN, tokenInterceptor, useNock } from './nockSetup';

const S = 1_704_067_200; // 2024-01-01T00:00:00Z, the snapshot's lastUpdated
const SINCE = '2024-01-01T00:00:00.000Z';
const UNTIL = '2024-01-01T02:46:39.999Z'; // end of the last whole second before NOW_MS

const receiver = (id: string, groupId: string, stamps: Record<string, number>, extra: Record<string, unknown> = {}) => ({
  id,
  email: `r${id}@example.com`,
  group_id: groupId,
  registered: S - 1000,
  activated: S - 1000,
  deactivated: 0,
  last_changed: S - 1000,
  attributes: {},
  global_attributes: {},
  tags: [],
  ...stamps,
  ...extra,
});

const auth = { reqheaders: { authorization: `Bearer ${TOKEN}`, accept: 'application/json' } };
const list = (page: number, size: number) => ({ page: String(page), pagesize: String(size), type: 'all', detail: '4', order_by: 'registered ASC' });

/** The token and a group list of Newsletter (1) and Customers (2). */
const newsletterAndCustomers = () =>
  tokenInterceptor(nock(BASE))
    .get('/v3/groups.json')
    .reply(200, [
      { id: '1', name: 'Newsletter' },
      { id: '2', name: 'Customers' },
    ]);

describe('getReceiversPolling (nock)', () => {
  useNock();

  it('reads every group twice at most, emits a receiver of two groups once with both groups, and snapshots the scan position', async () => {
    const r10g1 = receiver('10', '1', { last_changed: S + 100 }, { attributes: { vorname: 'Eva', nachname: 'Ernst' }, tags: ['VIP'] });
    const r10g2 = receiver('10', '2', { registered: S + 50, activated: S + 50, last_changed: S + 50 });
    const r11 = receiver('11', '1', {});
    const r12 = receiver(
      '12',
      '2',
      { registered: S - 500, activated: S - 500, deactivated: S + 200, last_changed: S + 200 },
      { global_attributes: { firstname: 'Udo', lastname: 'Ulm', phone: '0301' } },
    );
    const scope = tokenInterceptor(nock(BASE))
      .get('/v3/groups.json')
      .reply(200, [
        { id: '2', name: 'Customers' },
        { id: '1', name: 'Newsletter' },
      ]);
    // Index pass over group 1, then group 2 read once (indexed and emitted), then group 1's page
    // that holds the change it owns (r10, newest in group 1) once more. No look-ups.
    nock(BASE, auth)
      .get('/v3/groups.json/1/receivers')
      .query(list(0, 2))
      .reply(200, [r10g1, r11])
      .get('/v3/groups.json/1/receivers')
      .query(list(1, 2))
      .reply(204)
      .get('/v3/groups.json/2/receivers')
      .query(list(0, 2))
      .reply(200, [r10g2, r12])
      .get('/v3/groups.json/2/receivers')
      .query(list(1, 2))
      .reply(200, [])
      .get('/v3/groups.json/1/receivers')
      .query(list(0, 2))
      .reply(200, [r10g1, r11]);

    const { self, error } = await runProcess(allGroups.process, {}, { ...CFG, pageSize: 2 }, { lastUpdated: SINCE });

    expect(error).to.equal(undefined);
    scope.done();
    expect(nock.pendingMocks()).to.deep.equal([]);
    expect(self.data).to.deep.equal([
      {
        metadata: { recordUid: '12', applicationUid: 'cleverreach' },
        data: {
          firstName: 'Udo',
          lastName: 'Ulm',
          contactData: [
            { type: 'email', value: 'r12@example.com' },
            { type: 'phone', value: '0301' },
          ],
          categories: [
            { name: 'Customers', label: 'group' },
            { name: 'inactive', label: 'status' },
          ],
        },
      },
      {
        metadata: { recordUid: '10', applicationUid: 'cleverreach' },
        data: {
          firstName: 'Eva',
          lastName: 'Ernst',
          contactData: [{ type: 'email', value: 'r10@example.com' }],
          categories: [
            { name: 'VIP', label: 'tag' },
            { name: 'Newsletter', label: 'group' },
            { name: 'Customers', label: 'group' },
            { name: 'active', label: 'status' },
          ],
        },
      },
    ]);
    for (const message of self.data) expectSchema('receiverPerson.out.json', message.data);
    expect(self.snapshots).to.deep.equal([
      { lastUpdated: SINCE, scan: { until: UNTIL, after: { pass: 2, group: '2', page: 1 } } },
      { lastUpdated: SINCE, scan: { until: UNTIL, after: { pass: 2, group: '1', page: 0 } } },
      { lastUpdated: UNTIL },
    ]);
    expect(JSON.stringify(self.events)).not.to.include(TOKEN).and.not.to.include(CFG.client_secret);
  });

  it('resumes an interrupted emit pass: indexes every group again, then reads on from the stored group and page', async () => {
    const scope = newsletterAndCustomers();
    const changed = (id: string) => receiver(id, '1', { last_changed: S + 5 });
    nock(BASE, auth)
      .get('/v3/groups.json/1/receivers')
      .query(list(0, 1))
      .reply(200, [changed('1')])
      .get('/v3/groups.json/1/receivers')
      .query(list(1, 1))
      .reply(200, [changed('2')])
      .get('/v3/groups.json/1/receivers')
      .query(list(2, 1))
      .reply(204)
      .get('/v3/groups.json/2/receivers')
      .query(list(0, 1))
      .reply(204)
      .get('/v3/groups.json/1/receivers')
      .query(list(1, 1))
      .reply(200, [changed('2')]);
    const snapshot = { lastUpdated: SINCE, scan: { until: UNTIL, after: { pass: 2, group: '1', page: 1 } } };
    const { self, error } = await runProcess(allGroups.process, {}, { ...CFG, pageSize: 1 }, snapshot);
    expect(error).to.equal(undefined);
    scope.done();
    expect(nock.pendingMocks()).to.deep.equal([]);
    expect(self.data.map((m) => (m.metadata as { recordUid: string }).recordUid)).to.deep.equal(['2']);
    expect(self.snapshots).to.deep.equal([{ lastUpdated: UNTIL }]);
  });

  it('restarts the window when the stored page lies beyond the end of its group, instead of skipping records', async () => {
    const scope = newsletterAndCustomers();
    const changed = receiver('7', '2', { last_changed: S + 10 });
    // The index pass finds group 1 with one page only: its stored page 3 is gone, so the scan
    // starts over (index pass, then group 2 emitted as it is read) instead of skipping to the end.
    nock(BASE, auth)
      .get('/v3/groups.json/1/receivers')
      .query(list(0, 50))
      .reply(200, [])
      .get('/v3/groups.json/2/receivers')
      .query(list(0, 50))
      .reply(200, [changed])
      .get('/v3/groups.json/1/receivers')
      .query(list(0, 50))
      .reply(200, [])
      .get('/v3/groups.json/2/receivers')
      .query(list(0, 50))
      .reply(200, [changed]);
    const snapshot = { lastUpdated: SINCE, scan: { until: UNTIL, after: { pass: 2, group: '1', page: 3 } } };
    const { self, error } = await runProcess(allGroups.process, {}, { ...CFG, pageSize: 50 }, snapshot);
    expect(error).to.equal(undefined);
    scope.done();
    expect(nock.pendingMocks()).to.deep.equal([]);
    expect(self.data.map((m) => (m.metadata as { recordUid: string }).recordUid)).to.deep.equal(['7']);
    expect(self.snapshots.at(-1)).to.deep.equal({ lastUpdated: UNTIL });
  });

  it('restarts the window from a position of the older one-pass scan (it says nothing about the emit pass)', async () => {
    const scope = newsletterAndCustomers();
    const changed = receiver('8', '1', { last_changed: S + 10 });
    nock(BASE, auth)
      .get('/v3/groups.json/1/receivers')
      .query(list(0, 50))
      .reply(200, [changed])
      .get('/v3/groups.json/2/receivers')
      .query(list(0, 50))
      .reply(204)
      .get('/v3/groups.json/1/receivers')
      .query(list(0, 50))
      .reply(200, [changed]);
    const snapshot = { lastUpdated: SINCE, scan: { until: UNTIL, after: { group: '2', page: 3 } } };
    const { self, error } = await runProcess(allGroups.process, {}, { ...CFG, pageSize: 50 }, snapshot);
    expect(error).to.equal(undefined);
    scope.done();
    expect(nock.pendingMocks()).to.deep.equal([]);
    expect(self.data.map((m) => (m.metadata as { recordUid: string }).recordUid)).to.deep.equal(['8']);
  });

  it('uses an issued accessToken as is and reads the old adapter numeric snapshot in seconds', async () => {
    nock(BASE, { reqheaders: { authorization: 'Bearer issued-token-abcdef' } })
      .get('/v3/groups.json')
      .reply(200, [{ id: '1', name: 'Newsletter' }])
      .get('/v3/groups.json/1/receivers')
      .query(list(0, 5000))
      .reply(200, [receiver('5', '1', { last_changed: S })]);
    const { self, error } = await runProcess(
      allGroups.process,
      {},
      { accessToken: 'issued-token-abcdef', baseUrl: `${BASE}/v3/`, safetyLagSeconds: 0 },
      { lastUpdated: S },
    );
    expect(error).to.equal(undefined);
    expect(nock.pendingMocks()).to.deep.equal([]);
    expect(self.data.map((m) => (m.metadata as { recordUid: string }).recordUid)).to.deep.equal(['5']);
    expect(self.snapshots).to.deep.equal([{ lastUpdated: UNTIL }]);
  });
});

describe('getReceiversByGroupIdPolling (nock)', () => {
  useNock();
  const groups = [
    { id: '1', name: 'Newsletter' },
    { id: '2', name: 'Customers' },
  ];

  it('finds the group by name in any case and reads only that group, without cross-group lookups', async () => {
    const scope = tokenInterceptor(nock(BASE)).get('/v3/groups.json').reply(200, groups);
    nock(BASE, auth)
      .get('/v3/groups.json/2/receivers')
      .query(list(0, 5000))
      .reply(200, [receiver('7', '2', { last_changed: S + 1 })]);
    const { self, error } = await runProcess(byGroup.process, {}, { ...CFG, groupName: '  CUSTOMERS ' }, { lastUpdated: SINCE });
    expect(error).to.equal(undefined);
    scope.done();
    expect(nock.pendingMocks()).to.deep.equal([]);
    expect(self.data).to.deep.equal([
      {
        metadata: { recordUid: '7', applicationUid: 'cleverreach' },
        data: {
          contactData: [{ type: 'email', value: 'r7@example.com' }],
          categories: [
            { name: 'Customers', label: 'group' },
            { name: 'active', label: 'status' },
          ],
        },
      },
    ]);
    expectSchema('receiverPerson.out.json', self.data[0].data);
    expect(self.snapshots).to.deep.equal([{ lastUpdated: UNTIL }]);
  });

  it('fails with an error naming an unknown group name and the groups there are', async () => {
    const scope = tokenInterceptor(nock(BASE)).get('/v3/groups.json').reply(200, groups);
    const { self, error } = await runProcess(byGroup.process, {}, { ...CFG, groupName: 'Partners' }, {});
    scope.done();
    expect(error?.message).to.equal('groupName: no group named "Partners" in this CleverReach account (groups: "Newsletter", "Customers")');
    expect(self.data).to.deep.equal([]);
  });

  it('fails with an error naming an unknown groupId, and without any group field before any request', async () => {
    const scope = tokenInterceptor(nock(BASE)).get('/v3/groups.json').reply(200, groups);
    const unknown = await runProcess(byGroup.process, {}, { ...CFG, groupId: '99' }, {});
    scope.done();
    expect(unknown.error?.message).to.equal('groupId: no group with id "99" in this CleverReach account');
    const missing = await runProcess(byGroup.process, {}, { ...CFG }, {});
    expect(missing.error?.message).to.equal('groupId: set groupId or groupName');
  });
});
