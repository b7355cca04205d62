import type { RateWindow } from './throttle';

/**
 * This step's part of a rate budget that several flows (several containers, each with its own
 * throttle) spend on one account: every window keeps at most `share` of its requests. A window
 * too small to split by count (1 per second at a half share) gets a longer interval instead
 * (1 per 2 seconds), so the rate never exceeds the share.
 */
export function shareWindows(windows: RateWindow[], share: number): RateWindow[] {
  if (share >= 1) return windows;
  return windows.map(({ limit, intervalMs }) => {
    const allowed = limit * share;
    const kept = Math.max(1, Math.floor(allowed));
    return { limit: kept, intervalMs: Math.ceil((intervalMs * kept) / allowed) };
  });
}
