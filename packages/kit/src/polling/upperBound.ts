import { slowestProviderOffsetMs } from '../http/providerClock';
import { now } from '../util/timing';

export interface BoundSettings {
  endTime?: number;
  /** How far behind "now" the run stops reading; 0: up to now. */
  safetyLagMs?: number;
}

/**
 * A run's fixed upper bound. Everything written before the run started is readable now, except
 * what a lagging replica or search index, or a provider clock behind ours, shows late: with a
 * safety lag the bound stays that far behind the provider's "now" (its `Date` header where one
 * was seen, when that is behind ours), so a record stamped inside the lag is read by a later run
 * instead of being passed over. With coarse provider clocks (unix seconds) the current second
 * is still open, so the bound stops before it.
 */
export function upperBound(settings: BoundSettings, granularityMs: number): number {
  const lag = settings.safetyLagMs ?? 0;
  const reference = lag > 0 ? now() + slowestProviderOffsetMs() - lag : now();
  const bound = Math.floor(reference / granularityMs) * granularityMs - 1;
  return settings.endTime !== undefined ? Math.min(settings.endTime, bound) : bound;
}
