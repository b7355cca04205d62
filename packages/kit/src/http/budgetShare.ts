import type { RateWindow } from './throttle';

/**
 * This step's part of a rate budget that several flows (several containers, each with its own
 * throttle) spend on one account: every window keeps at most `share` of its requests. The count
 * is rounded down within the published interval (13.5 of 30/min keeps 13/min): a shorter interval
 * for the exact rate would let two full bursts into one of the provider's windows. A window too
 * small to split by count (1 per second at a half share) gets a longer interval instead (1 per
 * 2 seconds), so the rate never exceeds the share.
 */
export function shareWindows(windows: RateWindow[], share: number): RateWindow[] {
  if (share >= 1) return windows;
  return windows.map(({ limit, intervalMs }) => {
    const allowed = limit * share;
    // The epsilons keep 30 × (1/3) from rounding down to 9, and 1000 ÷ (1/30) from rounding up to 30,001.
    if (allowed >= 1 - 1e-9) return { limit: Math.floor(allowed + 1e-9), intervalMs };
    return { limit: 1, intervalMs: Math.ceil(intervalMs / allowed - 1e-6) };
  });
}
