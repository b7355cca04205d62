import { describeHostileProvider } from '@oih-suite/kit/testing';
import type { AnyProcess } from '@oih-suite/kit/testing';
import { load, pointsContractFixture } from './helpers';

type Step = { process: AnyProcess };
const step = (id: string) => load<Step>('actions', id);
const product = (i: number) => ({ code: `P${i}`, name: `Product ${i}`, price: 100 + i });
const event = (i: number) => ({ eventKey: 'visit', eventTime: 1767225600000 + i, customerCode: 'C1', tenantId: 'T1', properties: { i } });

describeHostileProvider('socialhub', () => ({
  trigger: pointsContractFixture(load<Step>('triggers', 'getPointsRecordsPolling')),
  isTokenRequest: (req) => req.path === '/v1/auth/token',
  actionCall: { title: 'getMember', step: step('getMember'), message: { metadata: {}, data: { cardNo: 'M1' } } },
  idActions: [
    { title: 'upsertConsumer', step: step('upsertConsumer'), message: (recordUid) => ({ metadata: { recordUid }, data: { firstName: 'Mia' } }) },
    { title: 'upsertStore', step: step('upsertStore'), message: (recordUid) => ({ metadata: { recordUid }, data: { name: 'Store' } }) },
  ],
  batchActions: [
    {
      title: 'upsertProducts',
      step: step('upsertProducts'),
      list: 'products',
      message: (products) => ({ metadata: {}, data: { products } }),
      validItem: product,
      invalidItem: (i) => ({ ...product(i), price: '0x10' }),
      invalidField: 'price',
    },
    {
      title: 'batchSyncProduct',
      step: step('batchSyncProduct'),
      list: 'products',
      count: 100,
      invalidAt: [20, 99],
      message: (products) => ({ metadata: {}, data: { products } }),
      validItem: product,
      invalidItem: (i) => ({ ...product(i), price: [5] }),
      invalidField: 'price',
    },
    {
      title: 'importConsumerEventData',
      step: step('importConsumerEventData'),
      list: 'events',
      message: (events) => ({ metadata: {}, data: { events } }),
      validItem: event,
      invalidItem: (i) => ({ ...event(i), eventTime: '1e12' }),
      invalidField: 'eventTime',
    },
  ],
}));
