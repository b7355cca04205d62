import { expect } from 'chai';
import { AnyProcess, describeTriggerContract, runProcess } from '@oih-suite/kit/testing';
import { SocialHubSimulator, startSimulator } from '../simulator';
import { expectSchema, freshState, load, pointsContractFixture, useSimulatorAt } from './helpers';

type Trigger = { process: AnyProcess };
const pointsTrigger = load<Trigger>('triggers', 'getPointsRecordsPolling');
const transactionsTrigger = load<Trigger>('triggers', 'getTransactionsPolling');

/** Transaction times have whole seconds and the engine stops before the open second: wait it out. */
const nextSecond = () => new Promise((resolve) => setTimeout(resolve, 1001 - (Date.now() % 1000)));

describeTriggerContract('socialhub getPointsRecordsPolling', () => pointsContractFixture(pointsTrigger));

/** The transactions trigger against a tenant whose API writes times in `zoneOffsetMinutes` (the step says `timeZone`). */
function describeTransactionsContract(title: string, zoneOffsetMinutes: number, timeZone?: string): void {
  describeTriggerContract(title, () => {
    let sim: SocialHubSimulator;
    return {
      trigger: transactionsTrigger,
      async start() {
        freshState();
        sim = await startSimulator({ rateLimits: false, timeZoneOffsetMinutes: zoneOffsetMinutes });
        return { cfg: { ...sim.cfg, consumerCode: sim.main.consumerCode, ...(timeZone ? { timeZone } : {}) }, sim: sim.server };
      },
      stop: () => sim.stop(),
      async addRecords(count, options) {
        const ids = sim.addTransactions(count, options);
        await nextSecond();
        return ids;
      },
      async touchRecords(ids) {
        sim.touchTransactions(ids);
        await nextSecond();
      },
      breakRecordId: (id, value) => {
        sim.store.transactions.get(id)!.transactionCode = value;
        sim.store.transactionsChanged();
      },
      expireTokens: () => sim.expireTokens(),
      isPageRequest: (req) => req.path.startsWith('/v1/transactions/page/'),
    };
  });
}

describeTransactionsContract('socialhub getTransactionsPolling', 0);
describeTransactionsContract('socialhub getTransactionsPolling in a +08:00 tenant', 480, 'Asia/Shanghai');

describe('socialhub triggers: exact requests, messages and snapshots', () => {
  const NOW = Date.UTC(2026, 0, 15, 12, 0, 0, 500);
  const simulator = useSimulatorAt(NOW);
  let sim: SocialHubSimulator;
  beforeEach(() => {
    sim = simulator.current();
  });

  it('getPointsRecordsPolling reads beginDate from the snapshot and emits points movements', async () => {
    const t1 = Date.UTC(2026, 0, 10);
    const a = sim.store.addPointsRecord(
      { accountCode: sim.main.accountCode, operationType: 6, pointValue: 100, pointDesc: 'Welcome', effectiveEndTime: Date.UTC(2027, 0, 1) },
      t1,
    );
    const b = sim.store.addPointsRecord(
      { accountCode: sim.main.accountCode, operationType: 9, pointValue: 40, status: 2, operationId: 'op-9' },
      t1 + 1000,
    );
    sim.store.addPointsRecord({ accountCode: 'PA-other', operationType: 6, pointValue: 1 }, t1);
    const cfg = { ...sim.cfg, safetyLagSeconds: 0, accountCode: sim.main.accountCode, pageSize: 50, status: '' };
    const outcome = await runProcess(pointsTrigger.process, {}, cfg, { lastUpdated: '2026-01-09T00:00:00.000Z' });
    expect(outcome.error).to.equal(undefined);
    const pages = sim.server.requests.filter((r) => r.path.startsWith('/v1/points/'));
    expect(pages.map((r) => [r.method, r.path, r.query])).to.deep.equal([
      [
        'GET',
        `/v1/points/pointsRecords/${sim.main.accountCode}`,
        { pageNo: '1', pageSize: '50', beginDate: String(Date.UTC(2026, 0, 9)), endDate: String(NOW - 1) },
      ],
    ]);
    expect(outcome.self.data).to.deep.equal([
      {
        metadata: { recordUid: a.recordId, applicationUid: 'socialhub' },
        data: {
          recordId: a.recordId,
          accountCode: sim.main.accountCode,
          pointsGroupCode: 'PG001',
          change: 100,
          operation: 'behaviour increase',
          status: 'effective',
          description: 'Welcome',
          occurredAt: '2026-01-10T00:00:00.000Z',
          lastModified: '2026-01-10T00:00:00.000Z',
          expiresAt: '2027-01-01T00:00:00.000Z',
        },
      },
      {
        metadata: { recordUid: b.recordId, applicationUid: 'socialhub' },
        data: {
          recordId: b.recordId,
          accountCode: sim.main.accountCode,
          pointsGroupCode: 'PG001',
          change: -40,
          operation: 'coupon redemption',
          status: 'expired',
          operationId: 'op-9',
          occurredAt: '2026-01-10T00:00:01.000Z',
          lastModified: '2026-01-10T00:00:01.000Z',
        },
      },
    ]);
    for (const message of outcome.self.data) expectSchema('pointsMovement', message.data);
    expect(outcome.self.snapshots).to.deep.equal([{ lastUpdated: new Date(NOW - 1).toISOString() }]);
  });

  it('getTransactionsPolling sends beginDate/endDate as SocialHub date-times and emits orders (cents → units)', async () => {
    sim.store.addTransaction(sim.main.consumerCode, Date.UTC(2026, 0, 12, 8, 30), {
      transactionCode: 'T-A',
      orderStatus: 2,
      totalAmount: 4998,
      totalDisAmount: 500,
      freight: 0,
      details: [
        { productCode: 'P1', title: 'Tea', qty: 2, price: 1999, totalAmount: 3998 },
        { productCode: 'P2', qty: 1, price: 1000, totalAmount: 1000 },
      ],
    });
    const cfg = { ...sim.cfg, safetyLagSeconds: 0, consumerCode: sim.main.consumerCode, pageSize: 100 };
    const outcome = await runProcess(transactionsTrigger.process, {}, cfg, { lastUpdated: '2026-01-12T00:00:00Z' });
    expect(outcome.error).to.equal(undefined);
    const pages = sim.server.requests.filter((r) => r.path.startsWith('/v1/transactions/'));
    expect(pages.map((r) => [r.method, r.path, r.body])).to.deep.equal([
      [
        'POST',
        `/v1/transactions/page/${sim.main.consumerCode}`,
        { pageNo: 1, pageSize: 100, beginDate: '2026-01-12 00:00:00', endDate: '2026-01-15 11:59:59' },
      ],
    ]);
    expect(outcome.self.data).to.deep.equal([
      {
        metadata: { recordUid: 'T-A', applicationUid: 'socialhub' },
        data: {
          orderNumber: 'T-A',
          customerNumber: sim.main.consumerCode,
          date: '2026-01-12T08:30:00Z',
          lastModified: '2026-01-12T08:30:00Z',
          storeCode: 'S001',
          status: 'delivered',
          direction: 'normal',
          lineItems: [
            { position: 1, articleUid: 'P1', description: 'Tea', quantity: 2, cost: 19.99, amount: 39.98 },
            { position: 2, articleUid: 'P2', description: 'P2', quantity: 1, cost: 10, amount: 10 },
          ],
          total: 49.98,
          discount: 5,
          freight: 0,
        },
      },
    ]);
    expectSchema('order', outcome.self.data[0].data);
    expect(outcome.self.snapshots).to.deep.equal([{ lastUpdated: '2026-01-15T11:59:59.999Z' }]);
  });

  it('getTransactionsPolling reads and writes times in the configured time zone', async () => {
    await sim.stop();
    sim = await startSimulator({ rateLimits: false, timeZoneOffsetMinutes: 480 });
    const late = sim.store.addTransaction(sim.main.consumerCode, Date.UTC(2026, 0, 12, 20, 30), { transactionCode: 'T-late' });
    expect(late.orderDate).to.equal('2026-01-13 04:30:00');
    const cfg = { ...sim.cfg, safetyLagSeconds: 0, consumerCode: sim.main.consumerCode, timeZone: '+08:00' };
    const outcome = await runProcess(transactionsTrigger.process, {}, cfg, { lastUpdated: '2026-01-12T00:00:00Z' });
    expect(outcome.error).to.equal(undefined);
    const pages = sim.server.requests.filter((r) => r.path.startsWith('/v1/transactions/'));
    const bodies = pages.map((r) => r.body as { beginDate: string; endDate: string });
    expect(bodies.map((b) => [b.beginDate, b.endDate])).to.deep.equal([['2026-01-12 08:00:00', '2026-01-15 19:59:59']]);
    const orders = outcome.self.data as { metadata: { recordUid: string }; data: { date: string; lastModified: string } }[];
    expect(orders.map((m) => [m.metadata.recordUid, m.data.date, m.data.lastModified])).to.deep.equal([
      ['T-late', '2026-01-12T20:30:00Z', '2026-01-12T20:30:00Z'],
    ]);
    expect(outcome.self.snapshots).to.deep.equal([{ lastUpdated: '2026-01-15T11:59:59.999Z' }]);
  });

  it('an unknown time zone is an error naming the field, before any request', async () => {
    const cfg = { ...sim.cfg, safetyLagSeconds: 0, consumerCode: sim.main.consumerCode, timeZone: 'Middle/Earth' };
    const outcome = await runProcess(transactionsTrigger.process, {}, cfg, {});
    expect(outcome.error!.message).to.match(/^timeZone: "Middle\/Earth" is not a time zone/);
    expect(sim.server.requests.filter((r) => r.path.startsWith('/v1/transactions/'))).to.have.length(0);
  });

  it('a trigger without its account or consumer names the field', async () => {
    const outcome = await runProcess(pointsTrigger.process, {}, { ...sim.cfg, safetyLagSeconds: 0 }, {});
    expect(outcome.error!.message).to.equal('accountCode: is required');
  });
});
