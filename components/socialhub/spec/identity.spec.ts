import { expect } from 'chai';
import { AnyProcess, runProcess } from '@oih-suite/kit/testing';
import { POINTS_RECORD_ID_FIELDS, TRANSACTION_ID_FIELDS } from '../lib/steps/records';
import type { SocialHubSimulator } from '../simulator';
import { freshState, load, useSimulatorAt } from './helpers';

type Trigger = { process: AnyProcess };
const pointsTrigger = load<Trigger>('triggers', 'getPointsRecordsPolling');
const transactionsTrigger = load<Trigger>('triggers', 'getTransactionsPolling');

/**
 * SocialHub does not document the id field of points records and transactions: the triggers read
 * the first present of their candidate fields, in the documented order, and refuse a record with
 * none rather than emit `recordUid: "undefined"`.
 */
describe('socialhub triggers: record ids from undocumented fields', () => {
  const NOW = Date.UTC(2026, 0, 15, 12, 0, 0, 500);
  const T = Date.UTC(2026, 0, 10);
  const simulator = useSimulatorAt(NOW);
  let sim: SocialHubSimulator;
  beforeEach(() => {
    sim = simulator.current();
  });

  const pointsCfg = () => ({ ...sim.cfg, accountCode: sim.main.accountCode, status: '' });
  const transactionsCfg = () => ({ ...sim.cfg, consumerCode: sim.main.consumerCode });
  const uids = (data: Record<string, unknown>[]) => data.map((m) => (m.metadata as { recordUid: string }).recordUid);

  /** A points record whose id is only in `field` (the simulator's own `recordId` moved there). */
  const pointsRecordWithIdIn = (field: string, value: unknown, at: number) => {
    const record = sim.store.addPointsRecord({ accountCode: sim.main.accountCode, operationType: 6, pointValue: 1 }, at);
    delete record.recordId;
    if (value !== undefined) record[field] = value;
    sim.store.pointsRecordsChanged();
  };

  for (const [index, field] of POINTS_RECORD_ID_FIELDS.entries()) {
    it(`points records: the id in "${field}" (candidate ${index + 1}) becomes the recordUid and the movement's recordId`, async () => {
      pointsRecordWithIdIn(field, index % 2 ? 9000 + index : `P-${field}`, T);
      const outcome = await runProcess(pointsTrigger.process, {}, pointsCfg(), {});
      expect(outcome.error).to.equal(undefined);
      const expected = index % 2 ? String(9000 + index) : `P-${field}`;
      expect(uids(outcome.self.data)).to.deep.equal([expected]);
      expect(outcome.self.data[0]).to.have.nested.property('data.recordId', expected);
    });
  }

  it('points records: the first present candidate wins, in the documented order', async () => {
    const record = sim.store.addPointsRecord({ accountCode: sim.main.accountCode, id: 'second', recordCode: 'fourth' }, T);
    record.recordId = '';
    sim.store.pointsRecordsChanged();
    const outcome = await runProcess(pointsTrigger.process, {}, pointsCfg(), {});
    expect(uids(outcome.self.data)).to.deep.equal(['second']);
  });

  it('points records: none of the candidates present stops the run, naming them and the record, and emits nothing of its page', async () => {
    sim.store.addPointsRecord({ accountCode: sim.main.accountCode }, T);
    pointsRecordWithIdIn('recordId', undefined, T + 1000);
    const outcome = await runProcess(pointsTrigger.process, {}, pointsCfg(), {});
    expect(outcome.error?.message).to.equal(
      'A record without a usable id: its "recordId | id | pointsRecordId | recordCode | recordNo" is missing (page 1, record index 1); nothing from this page was emitted',
    );
    expect(outcome.self.data).to.deep.equal([]);
    expect(outcome.self.snapshots).to.deep.equal([]);
  });

  for (const field of TRANSACTION_ID_FIELDS) {
    it(`transactions: the id in "${field}" becomes the recordUid`, async () => {
      const transaction = sim.store.addTransaction(sim.main.consumerCode, T);
      const code = String(transaction.transactionCode);
      delete transaction.transactionCode;
      transaction[field] = `${field}-${code}`;
      sim.store.transactionsChanged();
      const outcome = await runProcess(transactionsTrigger.process, {}, transactionsCfg(), {});
      expect(outcome.error).to.equal(undefined);
      expect(uids(outcome.self.data)).to.deep.equal([`${field}-${code}`]);
    });
  }

  it('transactions: an id that is an object or the text "undefined" is refused, naming the candidate fields', async () => {
    for (const value of [{ code: 1 }, 'undefined']) {
      freshState();
      const transaction = sim.store.addTransaction(sim.main.consumerCode, T);
      transaction.transactionCode = value;
      sim.store.transactionsChanged();
      const outcome = await runProcess(transactionsTrigger.process, {}, transactionsCfg(), {});
      expect(outcome.error?.message, JSON.stringify(value)).to.match(
        /its "transactionCode \| orderCode \| code \| id" is (an object|the text "undefined")/,
      );
      expect(outcome.self.data).to.deep.equal([]);
      sim.store.transactions.clear();
      sim.store.transactionsChanged();
    }
  });
});
