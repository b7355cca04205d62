import type { Receiver } from './types';

/**
 * The moment a receiver last changed in epoch ms. CleverReach has no single reliable
 * "modified" stamp (`last_changed` is missing in some payloads, and unsubscribing sets
 * `deactivated`), so the newest of the four stamps wins. They are unix seconds; 0 means never.
 */
export function receiverChangedAt(receiver: Receiver): number | undefined {
  const stamps = [receiver.last_changed, receiver.registered, receiver.activated, receiver.deactivated]
    .map((value) => Number(value ?? 0))
    .filter((value) => Number.isFinite(value) && value > 0);
  return stamps.length ? Math.max(...stamps) * 1000 : undefined;
}

export function isActive(receiver: Receiver): boolean {
  if (typeof receiver.active === 'boolean') return receiver.active;
  return Number(receiver.activated ?? 0) > 0 && Number(receiver.deactivated ?? 0) === 0;
}
