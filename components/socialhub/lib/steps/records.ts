/** The raw records the triggers read, as SocialHub lists them. */

/** A points record as SocialHub lists it (times in epoch ms). */
export interface PointsRecord {
  recordId: string | number;
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
  transactionCode: string;
  consumerCode?: string;
  orderDate?: string;
  updateTime?: string;
  [key: string]: unknown;
}
