/** The raw records the triggers read, as SocialHub lists them. */
import { toIso } from '@oih-suite/kit';

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

/** A transaction as SocialHub lists it (times as "yyyy-MM-dd HH:mm:ss", UTC). */
export interface Transaction {
  transactionCode: string;
  consumerCode?: string;
  orderDate?: string;
  updateTime?: string;
  [key: string]: unknown;
}

/** SocialHub's date-time text: "yyyy-MM-dd HH:mm:ss" (seconds: the kit's granularity below). */
export const toSocialHubTime = (ms: number): string => toIso(ms).slice(0, 19).replace('T', ' ');
