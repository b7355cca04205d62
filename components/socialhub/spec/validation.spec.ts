import { expect } from 'chai';
import nock from 'nock';
import { ConfigurationError } from '@oih-suite/kit';
import { freshState, load, runAction } from './helpers';

/** Checks happen before anything is sent: with no interceptor, any request would fail differently. */
describe('socialhub input checks (before any request)', () => {
  beforeEach(freshState);
  afterEach(() => {
    expect(nock.pendingMocks()).to.deep.equal([]);
    nock.cleanAll();
  });

  const cases: [string, Record<string, unknown>, Record<string, unknown>, string, string][] = [
    ['getMember', {}, {}, 'cardNo', 'cardNo: is required for this operation (Card number)'],
    [
      'createConsumer',
      { name: 'Li', mobilePhone: '138' },
      { sourceCode: '10140001' },
      'organizationCode',
      'organizationCode: is required for this operation (Organization code)',
    ],
    [
      'createConsumer',
      { name: 'Li', mobilePhone: '138', gender: 'x' },
      {},
      'gender',
      'gender: "x" is not allowed; use one of 0 (Unknown), 1 (Male), 2 (Female)',
    ],
    [
      'syncTransaction',
      { transactionCode: 'T1', storeCode: 'S1', totalAmount: 19.99 },
      {},
      'totalAmount',
      'totalAmount: must be a whole number of cents, got "19.99"',
    ],
    [
      'syncTransaction',
      { transactionCode: 'T1', storeCode: 'S1', details: [{ productCode: 'P1' }] },
      {},
      'details[0].qty',
      'details: 1 of 1 items are invalid, nothing was sent: details[0].qty: is required for this operation (Quantity)',
    ],
    [
      'adjustPoints',
      { accountCode: 'PA1', operationType: 6, pointValue: -5 },
      {},
      'pointValue',
      'pointValue: must be a positive number of points; the operation type says whether they are added or deducted',
    ],
    [
      'adjustPoints',
      { accountCode: 'PA1', operationType: 1, pointValue: 5 },
      {},
      'operationType',
      'operationType: "1" is not allowed; use one of 6 (Behaviour: increase), 7 (Behaviour: decrease), 8 (Gift redemption: decrease), 9 (Coupon redemption: decrease)',
    ],
    [
      'batchSyncProduct',
      { products: [{ code: 'P1' }] },
      {},
      'products[0].name',
      'products: 1 of 1 items are invalid, nothing was sent: products[0].name: is required for this operation (Product name)',
    ],
    [
      'batchSyncProduct',
      { products: Array.from({ length: 101 }, (_, i) => ({ code: `P${i}`, name: 'n' })) },
      {},
      'products',
      'products: has 101 items; at most 100 are allowed per call',
    ],
    // Numbers are read strictly: Number() would turn these into 16, 5, 1000 and send 1e21.
    [
      'adjustPoints',
      { accountCode: 'PA1', operationType: 6, pointValue: '0x10' },
      {},
      'pointValue',
      'pointValue: must be a whole number, got "0x10"',
    ],
    ['adjustPoints', { accountCode: 'PA1', operationType: 6, pointValue: [5] }, {}, 'pointValue', 'pointValue: must be a whole number, got [5]'],
    ['adjustPoints', { accountCode: 'PA1', operationType: 6, pointValue: '1e3' }, {}, 'pointValue', 'pointValue: must be a whole number, got "1e3"'],
    [
      'adjustPoints',
      { accountCode: 'PA1', operationType: 6, pointValue: 1e21 },
      {},
      'pointValue',
      'pointValue: must be a whole number between -9007199254740991 and 9007199254740991, got 1e+21',
    ],
    ['adjustPoints', { accountCode: 'PA1', operationType: [6], pointValue: 5 }, {}, 'operationType', 'operationType: must be text, got [6]'],
    ['getMember', { cardNo: { id: 'M1' } }, {}, 'cardNo', 'cardNo: must be text, got {"id":"M1"}'],
    [
      'syncTransaction',
      {
        transactionCode: 'T1',
        storeCode: 'S1',
        details: [
          { productCode: 'P1', qty: 1 },
          { productCode: 'P2', qty: '2.5' },
        ],
      },
      {},
      'details[1].qty',
      'details: 1 of 2 items are invalid, nothing was sent: details[1].qty: must be a whole number, got "2.5"',
    ],
    ['queryConsumer', { query: 'a@b.c' }, {}, 'type', 'type: is required for this operation (Search by)'],
  ];
  for (const [id, input, cfg, field, message] of cases) {
    it(`${id}: ${message}`, async () => {
      const outcome = await runAction(load('actions', id), input, cfg);
      expect(outcome.error).to.be.instanceOf(ConfigurationError);
      expect((outcome.error as ConfigurationError).field).to.equal(field);
      expect(outcome.error!.message).to.equal(message);
      expect(outcome.self.data).to.deep.equal([]);
    });
  }

  it('a missing appSecret names the credential field', async () => {
    const outcome = await runAction(load('actions', 'getMember'), { cardNo: 'M1' }, { appSecret: '' });
    expect(outcome.error!.message).to.equal('appSecret: is required');
  });
});
