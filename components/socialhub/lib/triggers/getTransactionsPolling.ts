import { Config, definePollingTrigger, parseTimestamp, requireString } from '@oih-suite/kit';
import { transactionToOrder } from '../mappings/transactionToOrder';
import { APPLICATION_UID, clientFor } from '../steps/context';
import { MAX_PAGE_SIZE, operationPages } from '../steps/pages';
import { Transaction, toSocialHubTime } from '../steps/records';

/**
 * New and changed transactions of one consumer, by beginDate/endDate (inclusive, second
 * precision), oldest first.
 */
export = definePollingTrigger<Config, Transaction>({
  name: 'getTransactionsPolling',
  applicationUid: APPLICATION_UID,
  pageSize: { fallback: MAX_PAGE_SIZE, max: MAX_PAGE_SIZE },
  granularityMs: 1000,
  cursor: (t) => parseTimestamp(t.updateTime ?? t.orderDate),
  id: (t) => t.transactionCode,
  mapping: transactionToOrder,
  source: (ctx) => {
    const consumerCode = requireString(ctx.cfg, 'consumerCode');
    const client = clientFor(ctx);
    return {
      order: 'ascending',
      pages: (window) =>
        operationPages<Transaction>(
          client,
          'getTransactionList',
          { consumerCode, beginDate: toSocialHubTime(window.since), endDate: toSocialHubTime(window.until) },
          window.pageSize,
        ),
    };
  },
});
