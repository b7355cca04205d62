import { Config, definePollingTrigger, firstPresent, readTimeZoneField, requireString, toIso } from '@oih-suite/kit';
import { transactionToOrder } from '../mappings/transactionToOrder';
import { APPLICATION_UID, clientFor } from '../steps/context';
import { MAX_PAGE_SIZE, operationPages } from '../steps/pages';
import { TRANSACTION_ID_FIELDS, Transaction } from '../steps/records';

/** SocialHub writes order times without a zone; `timeZone` says which (default UTC). */
const clockOf = (cfg: Config) => readTimeZoneField(cfg, 'timeZone');

/**
 * New and changed transactions of one consumer, by beginDate/endDate (inclusive, second
 * precision, in the configured time zone), oldest first.
 */
export = definePollingTrigger<Config, Transaction>({
  name: 'getTransactionsPolling',
  applicationUid: APPLICATION_UID,
  pageSize: { fallback: MAX_PAGE_SIZE, max: MAX_PAGE_SIZE },
  granularityMs: 1000,
  cursor: (t, cfg) => clockOf(cfg).parse(t.updateTime ?? t.orderDate),
  id: (t) => firstPresent(t, TRANSACTION_ID_FIELDS),
  idField: TRANSACTION_ID_FIELDS.join(' | '),
  mapping: transactionToOrder,
  mappingBindings: (cfg) => {
    const clock = clockOf(cfg);
    return { wallTimeToIso: (text: unknown) => maybeIso(clock.parse(text)) };
  },
  source: (ctx) => {
    const consumerCode = requireString(ctx.cfg, 'consumerCode');
    const clock = clockOf(ctx.cfg);
    const client = clientFor(ctx);
    return {
      order: 'ascending',
      pages: (window) =>
        operationPages<Transaction>(
          client,
          'getTransactionList',
          { consumerCode, beginDate: clock.format(window.since), endDate: clock.format(window.until) },
          window.pageSize,
        ),
    };
  },
});

function maybeIso(ms: number | undefined): string | undefined {
  return ms === undefined ? undefined : toIso(ms).replace('.000Z', 'Z');
}
