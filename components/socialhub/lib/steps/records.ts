/** The raw records the triggers read, as SocialHub lists them. */

/**
 * Where a points record's id may be, in the order they are tried. SocialHub does not document the
 * fields of a points record; `recordId` is what the simulator and the n8n examples imply, the
 * others are the names its sibling APIs use. The first present one wins; none present stops the
 * run with an error naming these fields (the kit's checkedRecordId).
 */
export const POINTS_RECORD_ID_FIELDS = ['recordId', 'id', 'pointsRecordId', 'recordCode', 'recordNo'] as const;

/**
 * Where a transaction's id may be, in the order they are tried: `transactionCode` is the field
 * syncTransaction writes, `orderCode` the one getTransactionDetail reads by; the list's own field
 * is not documented.
 */
export const TRANSACTION_ID_FIELDS = ['transactionCode', 'orderCode', 'code', 'id'] as const;

/** A points record as SocialHub lists it (times in epoch ms). */
export interface PointsRecord {
  recordId?: string | number;
  accountCode?: string;
  operationType?: number;
  pointValue?: number;
  status?: number;
  createTime?: number;
  updateTime?: number;
  [key: string]: unknown;
}

/** A transaction as SocialHub lists it (times as "yyyy-MM-dd HH:mm:ss" in the account's zone, see the trigger's timeZone). */
export interface Transaction {
  transactionCode?: string;
  consumerCode?: string;
  orderDate?: string;
  updateTime?: string;
  [key: string]: unknown;
}
