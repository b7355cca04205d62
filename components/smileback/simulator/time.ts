/** SmileBack stamps are ISO 8601 UTC with microseconds; the simulator keeps them as integer µs. */

let lastMs = 0;
let subMs = 0;

/** Now in µs; records written within one millisecond still get distinct, increasing stamps. */
export function nowMicros(): number {
  const ms = Date.now();
  if (ms === lastMs) subMs = Math.min(subMs + 1, 999);
  else {
    lastMs = ms;
    subMs = 0;
  }
  return ms * 1000 + subMs;
}

/** `2024-12-12T01:48:58.533361Z`. */
export function isoMicros(us: number): string {
  const ms = Math.floor(us / 1000);
  const micro = String(us - ms * 1000).padStart(3, '0');
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, `.$1${micro}Z`);
}

/**
 * Reads a filter value as DRF would: ISO 8601 with or without time and zone (a date alone is
 * 00:00 UTC, a time without zone is UTC), fractions down to µs. Undefined when it is not a time.
 */
export function parseMicros(value: string): number | undefined {
  const text = value.trim();
  const match = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.(\d{1,6})\d*)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(text);
  if (!match) return undefined;
  const [, date, time = '00:00:00', fraction = '', zone = 'Z'] = match;
  const ms = Date.parse(`${date}T${time.length === 5 ? `${time}:00` : time}${zone === 'Z' ? 'Z' : zone}`);
  if (Number.isNaN(ms)) return undefined;
  return ms * 1000 + Number(fraction.padEnd(6, '0'));
}
