import { ConfigurationError } from '../errors';
import { parseTimestamp } from './timestamps';

/**
 * A provider's wall clock, for APIs that write times without a zone ("2026-01-31 14:05:00") in
 * their own time zone. Zoned and epoch values are read as they are.
 */
export interface WallClock {
  /** The zone as configured ("UTC", "+08:00", "Asia/Shanghai"). */
  readonly zone: string;
  /** "yyyy-MM-dd HH:mm:ss" in the zone. */
  format(ms: number): string;
  /** Epoch ms of a wall time in the zone (a date alone is its midnight); undefined for garbage. */
  parse(value: unknown): number | undefined;
}

const OFFSET = /^(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/i;
const WALL_TIME = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?$/;

/**
 * Reads a time zone field: empty means UTC; a fixed offset ("+08:00", "+8", "UTC+8") or an IANA
 * name ("Asia/Shanghai", with its daylight-saving rules). Anything else is an error naming the field.
 */
export function readTimeZoneField(cfg: Record<string, unknown>, field: string): WallClock {
  const raw = cfg[field];
  const zone = raw === undefined || raw === null ? '' : String(raw).trim();
  // Read once per step (the declare layer's timeZone field), so no cache: an IANA zone's formatter is built once per run.
  return makeClock(field, zone);
}

function makeClock(field: string, zone: string): WallClock {
  if (zone === '' || /^(UTC|GMT|Z)$/i.test(zone)) return wallClock(zone || 'UTC', () => 0);
  const fixed = OFFSET.exec(zone);
  if (fixed) {
    const minutes = Number(fixed[2]) * 60 + Number(fixed[3] ?? 0);
    if (Number(fixed[2]) > 14 || Number(fixed[3] ?? 0) > 59) throw badZone(field, zone);
    const offsetMs = (fixed[1] === '-' ? -1 : 1) * minutes * 60_000;
    return wallClock(zone, () => offsetMs);
  }
  let parts: Intl.DateTimeFormat;
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
  } catch {
    throw badZone(field, zone);
  }
  return wallClock(zone, (ms) => wallMs(parts, ms) - Math.floor(ms / 1000) * 1000);
}

function badZone(field: string, zone: string): ConfigurationError {
  return new ConfigurationError(field, `"${zone}" is not a time zone; use an offset such as +08:00 or a name such as Asia/Shanghai`);
}

/** The zone's wall time at `ms`, read as if it were UTC (whole seconds). */
function wallMs(format: Intl.DateTimeFormat, ms: number): number {
  const p: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(ms))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
}

function wallClock(zone: string, offsetAt: (ms: number) => number): WallClock {
  return {
    zone,
    format: (ms) => new Date(ms + offsetAt(ms)).toISOString().slice(0, 19).replace('T', ' '),
    parse(value) {
      const text = typeof value === 'string' ? value.trim() : '';
      const wall = WALL_TIME.exec(text);
      if (!wall) return parseTimestamp(value);
      const asUtc = Date.parse(`${wall[1]}T${wall[2] ?? '00:00'}Z`);
      // Date.parse rolls 2026-02-30 over into March: a date that does not round-trip is garbage.
      if (Number.isNaN(asUtc) || new Date(asUtc).toISOString().slice(0, 10) !== wall[1]) return undefined;
      // The offset at the wall time read as UTC is at most a DST change away from the true one.
      const guess = asUtc - offsetAt(asUtc);
      return asUtc - offsetAt(guess);
    },
  };
}
