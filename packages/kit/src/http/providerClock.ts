import { parseHttpDate } from './retryTiming';

/**
 * What the providers' own clocks say, from the `Date` header of their responses: per origin, how
 * far the provider's clock is from ours (provider minus ours, at the moment the response arrived).
 * A polling run's upper bound uses the slowest one, so a provider whose clock runs behind ours
 * does not stamp records "before" a bound we already passed. The header has whole seconds and
 * is written before the response travels, so the offset errs on the slow (safe) side.
 */
const offsets = new Map<string, number>();
const IMPLAUSIBLE_SKEW_MS = 86_400_000;

/** Records the `Date` header of a response from `url`, received at our time `receivedAt`. */
export function observeProviderDate(url: string, dateHeader: string | undefined, receivedAt: number): void {
  if (!dateHeader) return;
  const providerTime = parseHttpDate(dateHeader);
  // A day apart is a broken or long-cached header, not a clock: it must not stall every run.
  if (providerTime === undefined || Math.abs(providerTime - receivedAt) > IMPLAUSIBLE_SKEW_MS) return;
  const origin = originOf(url);
  if (origin) offsets.set(origin, providerTime - receivedAt);
}

/**
 * The slowest provider clock this process has heard from, as an offset from ours (≤ 0): a clock
 * ahead of ours never moves a bound later, only a clock behind moves it earlier.
 */
export function slowestProviderOffsetMs(): number {
  let slowest = 0;
  for (const offset of offsets.values()) slowest = Math.min(slowest, offset);
  return slowest;
}

/** Forgets every provider clock (tests that move the clock, benchmarks). */
export function resetProviderClocks(): void {
  offsets.clear();
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
