import type { Receiver } from './types';

/**
 * The moment a receiver last changed in epoch ms. CleverReach has no single reliable
 * "modified" stamp (`last_changed` is missing in some payloads, and unsubscribing sets
 * `deactivated`), so the newest of the four stamps wins. They are unix seconds; 0 means never.
 */
export function receiverChangedAt(receiver: Receiver): number | undefined {
  // Read for every receiver in both passes of a scan: no arrays.
  const newest = Math.max(stamp(receiver.last_changed), stamp(receiver.registered), stamp(receiver.activated), stamp(receiver.deactivated));
  return newest > 0 ? newest * 1000 : undefined;
}

/** A stamp in unix seconds; 0 for none, a missing one or one that is not a positive number. */
function stamp(value: unknown): number {
  const n = Number(value ?? 0);
  return Number.isFinite(n) && n > 0 ? n : 0;
}

export function isActive(receiver: Receiver): boolean {
  if (typeof receiver.active === 'boolean') return receiver.active;
  return Number(receiver.activated ?? 0) > 0 && Number(receiver.deactivated ?? 0) === 0;
}
