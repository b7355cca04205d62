import { describeStream, firstPresent, text, timeZone, toIso } from '@oih-suite/kit';
import { transactionToOrder } from '../mappings/transactionToOrder';
import { socialhub } from '../provider';
import { MAX_PAGE_SIZE, operationPages } from '../steps/pages';
import { TRANSACTION_ID_FIELDS, Transaction } from '../steps/records';

/**
 * New and changed transactions of one consumer, by beginDate/endDate (inclusive, second
 * precision, in the configured time zone), oldest first. SocialHub writes order times without a
 * zone; the `timeZone` field's clock, built once per run, reads and writes them.
 */
export = describeStream(socialhub, {
  id: 'getTransactionsPolling',
  title: 'New transactions (orders)',
  description: 'Order management: polls the new and changed transactions of one consumer (beginDate/endDate) and emits them as orders.',
  out: './lib/schemas/order.json',
  changes: 'since',
  pageSize: { fallback: MAX_PAGE_SIZE, max: MAX_PAGE_SIZE },
  granularityMs: 1000,
  mapping: transactionToOrder,
  mappingBindings: ({ timeZone: clock }) => ({ wallTimeToIso: (wallTime: unknown) => maybeIso(clock.parse(wallTime)) }),
  fields: {
    consumerCode: text({
      label: 'Consumer code',
      required: true,
      placeholder: 'C00001',
      note: 'The consumer whose transactions to watch',
    }),
    timeZone: timeZone({
      label: 'Time zone',
      placeholder: '+08:00',
      note: 'The zone SocialHub writes order times in ("yyyy-MM-dd HH:mm:ss", no zone): an offset such as +08:00 or a name such as Asia/Shanghai; default UTC',
    }),
  },
  read: ({ client, settings: { consumerCode, timeZone: clock } }) => ({
    pages: (window) =>
      operationPages<Transaction>(
        client,
        'getTransactionList',
        { consumerCode, beginDate: clock.format(window.since), endDate: clock.format(window.until) },
        window.pageSize,
      ),
    cursor: (t: Transaction) => clock.parse(t.updateTime ?? t.orderDate),
    id: (t: Transaction) => firstPresent(t, TRANSACTION_ID_FIELDS),
    idField: TRANSACTION_ID_FIELDS.join(' | '),
  }),
});

function maybeIso(ms: number | undefined): string | undefined {
  return ms === undefined ? undefined : toIso(ms).replace('.000Z', 'Z');
}
