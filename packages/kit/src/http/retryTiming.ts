/**
 * Retry timing, kept apart from the client so it can be tested on its own.
 * Retry-After is authoritative when present (delta-seconds or any of the three HTTP-date
 * forms); computed backoff is exponential with full jitter and a cap.
 */

/** Epoch values before this are not "reset at" timestamps but deltas. */
const EPOCH_RESET_THRESHOLD_S = Date.parse('2020-01-01') / 1000;

/** Parses an HTTP-date in IMF-fixdate, RFC 850 or asctime form (asctime has no zone: it is GMT). */
export function parseHttpDate(value: string): number | undefined {
  const text = value.trim();
  const asctime = /^[A-Za-z]{3} [A-Za-z]{3} +\d{1,2} \d{2}:\d{2}:\d{2} \d{4}$/.test(text);
  const rfc850 = /^[A-Za-z]+, (\d{2})-([A-Za-z]{3})-(\d{2}) (\d{2}:\d{2}:\d{2}) GMT$/.exec(text);
  let candidate = asctime ? `${text} GMT` : text;
  if (rfc850) {
    // Two-digit years: RFC 7231 says interpret as within 50 years of now.
    const yy = Number(rfc850[3]);
    const century = yy + 2000 > new Date().getUTCFullYear() + 50 ? 1900 : 2000;
    candidate = `${rfc850[1]} ${rfc850[2]} ${century + yy} ${rfc850[4]} GMT`;
  }
  const ms = Date.parse(candidate);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Milliseconds to wait according to `Retry-After` (or the rate-limit reset headers), if given. */
export function retryAfterMs(headers: Record<string, string | undefined>, nowMs: number): number | undefined {
  const retryAfter = headers['retry-after'];
  if (retryAfter !== undefined && retryAfter.trim() !== '') {
    const text = retryAfter.trim();
    if (/^\d+(\.\d+)?$/.test(text)) return Math.ceil(Number(text) * 1000);
    const date = parseHttpDate(text);
    if (date !== undefined) return Math.max(0, date - nowMs);
  }
  for (const name of ['ratelimit-reset', 'x-ratelimit-reset', 'x-ratelimit-retry-after']) {
    const value = headers[name];
    if (value === undefined || !/^\d+(\.\d+)?$/.test(value.trim())) continue;
    const n = Number(value);
    return n > EPOCH_RESET_THRESHOLD_S ? Math.max(0, n * 1000 - nowMs) : Math.ceil(n * 1000);
  }
  return undefined;
}

/** Exponential backoff with full jitter: a random wait in [cap/2, cap] where cap = min(max, base·2^attempt). */
export function backoffMs(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const cap = Math.min(maxMs, baseMs * 2 ** attempt);
  return Math.round(cap / 2 + (random() * cap) / 2);
}
