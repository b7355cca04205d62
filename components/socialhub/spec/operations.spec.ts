import { expect } from 'chai';
import type { ParsedUrlQuery } from 'node:querystring';
import nock from 'nock';
import { timing } from '@oih-suite/kit/engine';
import { deriveOperationId } from '../lib/steps/operationId';
import { BASE, envelope, expectSchema, freshState, load, runAction, tokenScope } from './helpers';

interface Case {
  id: string;
  input: Record<string, unknown>;
  cfg?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
  method: 'get' | 'post' | 'put';
  path: string;
  query?: Record<string, string> | ((q: ParsedUrlQuery) => boolean);
  body?: unknown;
  reply: unknown;
  emitted: Record<string, unknown>;
  recordUid?: string;
  schema?: string;
}

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const adjustBody = { accountType: 1, accountCode: 'PA1', pointsGroupCode: 'PG1', operationType: 6, pointValue: 100, pointDesc: 'Review bonus' };
const adjustId = deriveOperationId('review-7', adjustBody);
const event = {
  eventKey: 'page_view',
  eventTime: 1730275200000,
  customerCode: 'C0001',
  eventId: 'evt-123',
  tenantId: 'T01',
  properties: { url: '/product/42' },
};

const cases: Case[] = [
  {
    id: 'getLoyaltyPrograms',
    input: {},
    method: 'get',
    path: '/v1/member/loyaltyprograms',
    reply: [{ loyaltyProgramCode: 'LP001' }],
    emitted: { list: [{ loyaltyProgramCode: 'LP001' }] },
  },
  {
    id: 'getMemberList',
    input: { consumerCode: 'C 1', pageSize: 50, loyaltyCode: 'LP001' },
    method: 'get',
    path: '/v1/member/list/C%201',
    query: { pageNo: '1', pageSize: '50', loyaltyCode: 'LP001' },
    reply: { list: [{ cardNo: 'M1' }], total: 1, pageNo: 1, pageSize: 50 },
    emitted: { list: [{ cardNo: 'M1' }], total: 1, pageNo: 1, pageSize: 50 },
    recordUid: 'C 1',
  },
  {
    id: 'getMember',
    input: { cardNo: 'M1' },
    method: 'get',
    path: '/v1/member/M1',
    reply: { cardNo: 'M1', consumerCode: 'C1' },
    emitted: { cardNo: 'M1', consumerCode: 'C1' },
    recordUid: 'M1',
  },
  {
    id: 'memberAdmission',
    input: { loyaltyProgramCode: 'LP001', mobilePhone: '13800000000', name: 'Li Lei' },
    cfg: { sourceCode: '10140001' },
    method: 'post',
    path: '/v1/member/admission',
    body: { loyaltyProgramCode: 'LP001', phonePrefCode: '+86', mobilePhone: '13800000000', name: 'Li Lei', sourceCode: '10140001' },
    reply: { cardNo: 'M7', consumerCode: 'C7' },
    emitted: { cardNo: 'M7', consumerCode: 'C7' },
    recordUid: 'M7',
  },
  {
    id: 'createConsumer',
    input: { name: 'Li Lei', gender: '2', mobilePhone: '13800000000', email: 'li@example.com', birthday: '1990-12-31' },
    cfg: { sourceCode: '10140001', organizationCode: 'ORG1', identityType: '2' },
    method: 'post',
    path: '/v1/consumer',
    body: {
      name: 'Li Lei',
      gender: 2,
      mobilePhone: '13800000000',
      phonePrefCode: '+86',
      email: 'li@example.com',
      sourceCode: '10140001',
      birthday: '1990-12-31',
      identityType: 2,
      organizationCode: 'ORG1',
    },
    reply: { consumerCode: 'C9', name: 'Li Lei' },
    emitted: { consumerCode: 'C9', name: 'Li Lei' },
    recordUid: 'C9',
  },
  {
    id: 'importConsumerEventData',
    input: { ...event },
    method: 'post',
    path: '/v1/consumer/event/data',
    body: { data: [{ ...event, eventType: 'track' }] },
    reply: null,
    emitted: { received: 1, sent: 1, batches: 1, eventIds: ['evt-123'] },
    schema: 'importReport',
  },
  {
    id: 'queryConsumer',
    input: { type: 2, query: 'li@example.com' },
    method: 'get',
    path: '/v1/consumer/info',
    query: (q) =>
      q.type === '2' &&
      q.query === 'li@example.com' &&
      q.phonePrefCode === '+86' &&
      q.timestamp === String(NOW) &&
      /^[0-9a-f]{32}$/.test(String(q.nonceId)) &&
      Object.keys(q).length === 5,
    reply: [{ consumerCode: 'C1', email: 'li@example.com' }],
    emitted: { list: [{ consumerCode: 'C1', email: 'li@example.com' }] },
  },
  {
    id: 'updateConsumer',
    input: { consumerCode: 'C1', name: 'Li Lei', postelCode: '200000', receiveSmsFlag: '0' },
    method: 'put',
    path: '/v1/consumer/updateInfo/C1',
    body: { name: 'Li Lei', postelCode: '200000', receiveSmsFlag: 0 },
    reply: { consumerCode: 'C1', name: 'Li Lei' },
    emitted: { consumerCode: 'C1', name: 'Li Lei' },
    recordUid: 'C1',
  },
  {
    id: 'bindConsumerThirdAccount',
    input: { consumerCode: 'C1', unionId: 'shopify-55', nickName: 'lilei' },
    cfg: { accountType: '100014' },
    method: 'post',
    path: '/v1/consumer/binding',
    body: { consumerCode: 'C1', accountType: 100014, unionId: 'shopify-55', nickName: 'lilei' },
    reply: null,
    emitted: { accepted: true, result: null },
    recordUid: 'C1',
  },
  {
    id: 'queryThirdAccountsByUnionId',
    input: { unionId: 'shopify-55' },
    method: 'get',
    path: '/v1/consumer/thirdaccounts/shopify-55',
    reply: [{ consumerCode: 'C1', unionId: 'shopify-55' }],
    emitted: { list: [{ consumerCode: 'C1', unionId: 'shopify-55' }] },
    recordUid: 'shopify-55',
  },
  {
    id: 'getTransactionList',
    input: { consumerCode: 'C1', beginDate: '2026-01-01', endDate: '2026-01-31', pageNo: 2 },
    method: 'post',
    path: '/v1/transactions/page/C1',
    body: { pageNo: 2, pageSize: 10, beginDate: '2026-01-01', endDate: '2026-01-31' },
    reply: { list: [], total: 10, pageNo: 2, pageSize: 10 },
    emitted: { list: [], total: 10, pageNo: 2, pageSize: 10 },
    recordUid: 'C1',
  },
  {
    id: 'getTransactionDetail',
    input: { orderCode: 'T1' },
    method: 'post',
    path: '/v1/transactions/T1',
    reply: { transactionCode: 'T1', totalAmount: 1999 },
    emitted: { transactionCode: 'T1', totalAmount: 1999 },
    recordUid: 'T1',
  },
  {
    id: 'syncTransaction',
    input: {
      type: 1,
      params: '13800000000',
      transactionCode: 'T9',
      storeCode: 'S1',
      orderDate: '2026-01-31 14:05:00',
      totalAmount: 1998,
      details: [{ productCode: 'P1', qty: 2, price: '999', totalAmount: 1998 }],
    },
    method: 'post',
    path: '/v1/transactions/sync',
    body: {
      type: 1,
      params: '13800000000',
      phonePrefCode: '+86',
      source: '10140001',
      transactionCode: 'T9',
      storeCode: 'S1',
      orderDate: '2026-01-31 14:05:00',
      totalAmount: 1998,
      details: [{ productCode: 'P1', qty: 2, price: 999, totalAmount: 1998 }],
    },
    reply: null,
    emitted: { accepted: true, result: null },
    recordUid: 'T9',
  },
  {
    id: 'getPointsAccount',
    input: { cardNo: 'M1', pointsGroupCode: 'PG1' },
    method: 'get',
    path: '/v1/points/pointsAccount/M1',
    query: { pageNo: '1', pageSize: '10', pointsGroupCode: 'PG1' },
    reply: { list: [{ accountCode: 'PA1', balance: 300 }], total: 1 },
    emitted: { list: [{ accountCode: 'PA1', balance: 300 }], total: 1 },
    recordUid: 'M1',
  },
  {
    id: 'getPointsRecords',
    input: { accountCode: 'PA1', status: '2', beginDate: 1767225600000, endDate: '1769903999999' },
    method: 'get',
    path: '/v1/points/pointsRecords/PA1',
    query: { pageNo: '1', pageSize: '10', status: '2', beginDate: '1767225600000', endDate: '1769903999999' },
    reply: { list: [{ recordId: 1 }], total: 1 },
    emitted: { list: [{ recordId: 1 }], total: 1 },
    recordUid: 'PA1',
  },
  {
    id: 'adjustPoints',
    input: { accountCode: 'PA1', operationType: '6', pointValue: 100, pointDesc: 'Review bonus' },
    cfg: { pointsGroupCode: 'PG1' },
    metadata: { recordUid: 'review-7' },
    method: 'post',
    path: '/v1/points/adjustment',
    body: { ...adjustBody, operationId: adjustId },
    reply: { operationId: adjustId, balance: 400 },
    emitted: { operationId: adjustId, balance: 400 },
    recordUid: adjustId,
  },
  {
    id: 'batchSyncProduct',
    input: { products: [{ type: '1', code: 'P1', name: 'Gift box', price: 2999, gender: 'Female' }] },
    method: 'post',
    path: '/v1/masterdata/product/batchSync',
    body: [{ type: 1, code: 'P1', name: 'Gift box', price: 2999, gender: 'Female' }],
    reply: null,
    emitted: { accepted: true, result: null },
  },
  {
    id: 'saveStore',
    input: { organizationCode: 'S1', organizationName: 'Store One' },
    cfg: { type: '99', storeStatus: '10' },
    method: 'post',
    path: '/v1/masterdata/store',
    body: { organizationCode: 'S1', organizationName: 'Store One', type: 99, storeStatus: 10 },
    reply: { id: 'ST1', organizationCode: 'S1' },
    emitted: { id: 'ST1', organizationCode: 'S1' },
    recordUid: 'S1',
  },
];

describe('socialhub operations: exact requests and parsed results', () => {
  const previousClock = timing.clock;
  beforeEach(() => {
    freshState();
    timing.clock = { ...previousClock, now: () => NOW };
  });
  afterEach(() => {
    timing.clock = previousClock;
    nock.cleanAll();
  });

  it('covers all 18 operations', () => {
    expect(new Set(cases.map((c) => c.id)).size).to.equal(18);
  });

  for (const c of cases) {
    it(`${c.id}: ${c.method.toUpperCase()} ${c.path}`, async () => {
      const token = tokenScope();
      const api = nock(BASE, { reqheaders: { authorization: 'tok-1' } })
        .intercept(c.path, c.method.toUpperCase(), c.body as nock.RequestBodyMatcher)
        .query(c.query ?? ((q) => Object.keys(q).length === 0))
        .reply(200, envelope(c.reply));
      const step = load<{ process: unknown }>('actions', c.id);
      const outcome = await runAction(step, c.input, c.cfg, c.metadata);
      expect(outcome.error).to.equal(undefined);
      expect(token.isDone() && api.isDone(), 'every interceptor used').to.equal(true);
      expect(outcome.self.data).to.deep.equal(
        [{ metadata: { recordUid: c.recordUid, applicationUid: 'socialhub' }, data: c.emitted }].map(dropUndefined),
      );
      expectSchema(c.schema ?? `${c.id}.out`, outcome.self.data[0].data);
    });
  }

  it('sends no body on GET and none on the detail POST', async () => {
    tokenScope();
    const api = nock(BASE)
      .post('/v1/transactions/T1', (body) => body === '' || body === undefined || Object.keys(body as object).length === 0)
      .reply(200, envelope({ transactionCode: 'T1' }));
    const outcome = await runAction(load('actions', 'getTransactionDetail'), { orderCode: 'T1' });
    expect(outcome.error).to.equal(undefined);
    expect(api.isDone()).to.equal(true);
  });
});

function dropUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
