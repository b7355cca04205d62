import { hashKey } from '@oih-suite/kit';
import type { Values } from '@oih-suite/kit';

/**
 * The idempotency key when the flow gives none: the message's record id plus the adjustment
 * itself, so a redelivered message carries the same key and SocialHub applies it once. (Two
 * different records with identical content still differ by record id.)
 */
export function deriveOperationId(recordUid: unknown, body: Values): string {
  const content = Object.keys(body)
    .filter((k) => k !== 'operationId')
    .sort()
    .map((k) => [k, body[k]]);
  return `oih-${hashKey('adjustPoints', recordUid ?? null, content)}`;
}
