import { expect } from 'chai';
import { clearTokenCache, resetSharedThrottles, timing } from '@oih-suite/kit/engine';
import { RecordingSelf, runProcess } from '@oih-suite/kit/testing';
import upsertReceiver from '../lib/actions/upsertReceiver';
import byGroup from '../lib/triggers/getReceiversByGroupIdPolling';
import allGroups from '../lib/triggers/getReceiversPolling';
import verifyCredentials from '../lib/verifyCredentials';
import { CleverReachSimulator, nowSeconds, startSimulator } from '../simulator';
import { expectSchema, nextSecond } from './helpers';

const ids = (self: RecordingSelf) => self.data.map((m) => String((m.metadata as { recordUid: string }).recordUid));

/** End-to-end against the simulator: what a flow sees over several polling runs. */
describe('CleverReach component on the simulator', () => {
  let sim: CleverReachSimulator;
  let previousIntervalScale: number;

  beforeEach(async () => {
    clearTokenCache();
    resetSharedThrottles();
    previousIntervalScale = timing.intervalScale;
    timing.intervalScale = 0.01;
    sim = await startSimulator({ records: 300, seed: 3 });
  });
  afterEach(async () => {
    timing.intervalScale = previousIntervalScale;
    await sim.stop();
  });

  it('emits every receiver once (also those in several groups), valid against the out-schema, then new receivers, updates, unsubscribes and deactivations', async () => {
    const cfg = { ...sim.cfg, safetyLagSeconds: 0, pageSize: 50 };
    const first = await runProcess(allGroups.process, {}, cfg, {});
    expect(first.error).to.equal(undefined);
    expect(ids(first.self).sort()).to.deep.equal([...sim.store.receivers.keys()].map(String).sort());
    for (const message of first.self.data) expectSchema('receiverPerson.out.json', message.data);
    const multi = [...sim.store.receivers.values()].find((r) => r.memberships.size > 1)!;
    const multiMessage = first.self.data.find((m) => (m.metadata as { recordUid: string }).recordUid === String(multi.id))!;
    const groupLabels = (multiMessage.data as { categories: { name: string; label: string }[] }).categories
      .filter((c) => c.label === 'group')
      .map((c) => c.name);
    expect(groupLabels).to.deep.equal([...multi.memberships.keys()].sort((a, b) => a - b).map((g) => sim.store.groups.get(g)!.name));

    const [a, b] = [...sim.store.receivers.values()].filter((r) => r.memberships.size === 1 && [...r.memberships.values()][0].deactivated === 0);
    const homeOfB = [...b.memberships.keys()][0];
    sim.store.touch(a.id); // an update of an old receiver
    sim.store.deactivate(b.id); // an unsubscribe
    sim.store.touch(multi.id); // an update in one of several groups: still one message
    const added = sim.store.subscribe(homeOfB, { email: 'fresh@example.com' });
    await nextSecond();
    const second = await runProcess(allGroups.process, {}, cfg, first.self.lastSnapshot);
    expect(second.error).to.equal(undefined);
    expect(ids(second.self).sort()).to.deep.equal([a.id, b.id, multi.id, added.id].map(String).sort());
    const bMessage = second.self.data.find((m) => (m.metadata as { recordUid: string }).recordUid === String(b.id))!;
    expect((bMessage.data as { categories: unknown[] }).categories).to.deep.include({ name: 'inactive', label: 'status' });

    const third = await runProcess(allGroups.process, {}, cfg, second.self.lastSnapshot);
    expect(ids(third.self)).to.deep.equal([]);
    expect(JSON.stringify(third.self.lastSnapshot).length, 'a small snapshot').to.be.lessThan(300);
  });

  it('a change made while the scan runs is emitted by the next run, once, never lost', async () => {
    const [g1, g2] = [...sim.store.groups.keys()];
    const cfg = { ...sim.cfg, safetyLagSeconds: 0, pageSize: 5000 };
    const first = await runProcess(allGroups.process, {}, cfg, {});
    const person = sim.store.subscribe(g1, { email: 'moving@example.com' });
    sim.store.subscribe(g2, { email: 'moving@example.com' });
    await nextSecond();
    let touched = false;
    sim.server.inject({
      // While the second group's page is requested, the person changes in the first group (already scanned).
      match: (req) => {
        if (!touched && req.path.endsWith(`/${g2}/receivers`) && !req.query.email_list) {
          touched = true;
          sim.store.touch(person.id, nowSeconds(), g1);
        }
        return false;
      },
    });
    const second = await runProcess(allGroups.process, {}, cfg, first.self.lastSnapshot);
    expect(second.error).to.equal(undefined);
    // The index pass saw the person unchanged in both groups; by the emit pass its first group's
    // record carries a stamp past the run's bound, so this run leaves it to the next one.
    expect(ids(second.self)).to.deep.equal([]);
    await nextSecond();
    const third = await runProcess(allGroups.process, {}, cfg, second.self.lastSnapshot);
    expect(ids(third.self)).to.deep.equal([String(person.id)]);
  });

  it('the one-group trigger and the upsert action round-trip a person through CleverReach', async () => {
    const group = [...sim.store.groups.values()][1];
    const person = {
      firstName: 'Rita',
      lastName: 'Rund',
      contactData: [{ type: 'email', value: 'rita@example.com' }],
      categories: [{ name: group.name, label: 'group' }],
    };
    const created = await runProcess(upsertReceiver.process, { metadata: { oihUid: 'oih-9' }, data: person }, { ...sim.cfg });
    expect(created.error).to.equal(undefined);
    expectSchema('upsertReceiver.out.json', created.self.data[0].data);
    const recordUid = (created.self.data[0].metadata as { recordUid: string }).recordUid;
    expect(sim.store.receivers.get(Number(recordUid))!.memberships.has(group.id)).to.equal(true);
    await nextSecond();
    const since = new Date((nowSeconds() - 1) * 1000).toISOString();
    const polled = await runProcess(byGroup.process, {}, { ...sim.cfg, safetyLagSeconds: 0, groupId: String(group.id), startTime: since }, {});
    expect(polled.error).to.equal(undefined);
    expect(polled.self.data).to.deep.equal([
      {
        metadata: { recordUid, applicationUid: 'cleverreach' },
        data: {
          firstName: 'Rita',
          lastName: 'Rund',
          contactData: [{ type: 'email', value: 'rita@example.com' }],
          categories: [
            { name: group.name, label: 'group' },
            { name: 'active', label: 'status' },
          ],
        },
      },
    ]);
    const deleted = await runProcess(
      upsertReceiver.process,
      { metadata: { recordUid }, data: { deleteRequested: true } },
      { ...sim.cfg, deletes: 'true' },
    );
    expect((deleted.self.data[0].data as { delete: string }).delete).to.equal('confirmed');
    expect(sim.store.receivers.has(Number(recordUid))).to.equal(false);
  });

  it('verifyCredentials really calls CleverReach and explains a refusal without the secret', async () => {
    expect(await verifyCredentials(sim.cfg)).to.deep.equal({ verified: true });
    expect(await verifyCredentials({ ...sim.cfg, client_secret: 'not-the-secret-123' })).to.deep.equal({
      verified: false,
      reason: 'Login failed: the client id or client secret was rejected (The client credentials are invalid)',
    });
    const badToken = await verifyCredentials({ accessToken: 'expired-or-unknown-token', baseUrl: sim.baseUrl });
    expect(badToken.verified).to.equal(false);
    expect(badToken.reason).to.match(/refused the credentials \(HTTP 401\).*Unauthorized: invalid token/);
    expect(badToken.reason).not.to.include('expired-or-unknown-token');
    expect(await verifyCredentials({})).to.deep.equal({ verified: false, reason: 'client_id: set client_id and client_secret, or an accessToken' });
  });

  it('getGroups lists the groups for the groupId select field', async () => {
    const groups = await allGroups.getGroups(sim.cfg);
    const expected = Object.fromEntries([...sim.store.groups.values()].map((g) => [String(g.id), `${g.name} (${g.id})`]));
    expect(groups).to.deep.equal(expected);
    expect(await upsertReceiver.getGroups(sim.cfg)).to.deep.equal(expected);
  });
});
