import { createHash } from 'node:crypto';

/** A stable short key for caches and throttles, derived from credential values without storing them. */
export function hashKey(...parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 16);
}
