import { ConfigurationError } from '../errors';
import { DEFAULT_LIMITS, RequestLimits } from '../http/transport';
import type { PollingSettings } from '../polling/engine';
import { readTimeField } from '../polling/snapshot';
import type { Config } from './context';
import { strictInteger, strictNumber } from '../input';

/** Strict parsing ("0x10", [5], "1e3" are not numbers); NaN lets the caller's own range message speak. */
function wholeNumberOrNaN(value: unknown, field: string): number {
  try {
    return strictInteger(value, field) ?? NaN;
  } catch {
    return NaN;
  }
}

function numberOrNaN(value: unknown, field: string): number {
  try {
    return strictNumber(value, field) ?? NaN;
  } catch {
    return NaN;
  }
}

/** Reads a boolean field the way the platforms send them (true, "true", "on"). */
export function readBoolean(cfg: Config, field: string, fallback = false): boolean {
  const value = cfg[field];
  if (value === undefined || value === null || value === '') return fallback;
  if (typeof value === 'boolean') return value;
  const text = String(value).toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(text)) return true;
  if (['false', '0', 'no', 'off'].includes(text)) return false;
  throw new ConfigurationError(field, `"${String(value)}" is not a yes/no value`);
}

/** A whole-number step field in decimal notation, within [min, max]. */
export function readInteger(cfg: Config, field: string, options: { min: number; max: number; fallback: number }): number {
  const value = cfg[field];
  if (value === undefined || value === null || value === '') return options.fallback;
  const n = wholeNumberOrNaN(value, field);
  if (!Number.isInteger(n) || n < options.min || n > options.max) {
    throw new ConfigurationError(field, `must be a whole number from ${options.min} to ${options.max}, got "${String(value)}"`);
  }
  return n;
}

/** A number of seconds (fractions allowed) from 0 to `max`. */
export function readSeconds(cfg: Config, field: string, options: { max: number; fallback: number }): number {
  const value = cfg[field];
  if (value === undefined || value === null || value === '') return options.fallback;
  const seconds = typeof value === 'number' || typeof value === 'string' ? Number(value) : NaN;
  if (!Number.isFinite(seconds) || seconds < 0 || seconds > options.max) {
    throw new ConfigurationError(field, `must be a number of seconds from 0 to ${options.max}, got "${String(value)}"`);
  }
  return seconds;
}

export function readString(cfg: Config, field: string): string | undefined {
  const value = cfg[field];
  if (value === undefined || value === null) return undefined;
  const text = String(value).trim();
  return text === '' ? undefined : text;
}

export function requireString(cfg: Config, field: string, what = 'is required'): string {
  const value = readString(cfg, field);
  if (value === undefined) throw new ConfigurationError(field, what);
  return value;
}

/** Default of `safetyLagSeconds`: records appear a minute later, none is passed over by a lagging replica or clock. */
export const DEFAULT_SAFETY_LAG_SECONDS = 60;

/** The standard polling fields: startTime, endTime, pageSize, singlePagePerInterval, resetSnapshot, safetyLagSeconds. */
export function readPollingSettings(cfg: Config, pageSize: { fallback: number; max: number }): PollingSettings {
  const startTime = readTimeField(cfg, 'startTime') ?? 0;
  const endTime = readTimeField(cfg, 'endTime');
  if (endTime !== undefined && endTime < startTime) throw new ConfigurationError('endTime', 'must not be before startTime');
  return {
    startTime,
    endTime,
    pageSize: readInteger(cfg, 'pageSize', { min: 1, max: pageSize.max, fallback: pageSize.fallback }),
    singlePagePerInterval: readBoolean(cfg, 'singlePagePerInterval', false),
    resetSnapshot: readBoolean(cfg, 'resetSnapshot', false),
    safetyLagMs: readSeconds(cfg, 'safetyLagSeconds', { max: 86_400, fallback: DEFAULT_SAFETY_LAG_SECONDS }) * 1000,
  };
}

/**
 * The optional step field `maxRetryWaitSeconds`: how long one request may wait on rate limits and
 * retries before the step gives up and rebounds (default: the kit's 180 s).
 */
export function readRetryOverrides(cfg: Config): { budgetMs?: number; maxRetryAfterMs?: number } {
  const value = cfg.maxRetryWaitSeconds;
  if (value === undefined || value === null || value === '') return {};
  const seconds = numberOrNaN(value, 'maxRetryWaitSeconds');
  if (!Number.isFinite(seconds) || seconds < 0 || seconds > 3600)
    throw new ConfigurationError('maxRetryWaitSeconds', `must be a number of seconds from 0 to 3600, got "${String(value)}"`);
  return { budgetMs: seconds * 1000, maxRetryAfterMs: seconds * 1000 };
}

/**
 * The optional step fields that bound every request: `requestTimeoutSeconds` (overall deadline for
 * headers and body, default 120; the connect timeout is 10 s and the idle-socket timeout 30 s, or
 * the deadline when shorter), `maxResponseMB` (default 50; a streamed export file is read row by row and not held to it) and `allowInsecureHttp` (plain http://
 * to a host that is not loopback; default no).
 */
export function readHttpSettings(cfg: Config): { limits: RequestLimits; allowInsecureHttp: boolean } {
  const deadlineMs = readInteger(cfg, 'requestTimeoutSeconds', { min: 1, max: 3600, fallback: DEFAULT_LIMITS.deadlineMs / 1000 }) * 1000;
  const maxResponseBytes =
    readInteger(cfg, 'maxResponseMB', { min: 1, max: 2048, fallback: DEFAULT_LIMITS.maxResponseBytes / 1024 / 1024 }) * 1024 * 1024;
  return {
    limits: {
      deadlineMs,
      connectTimeoutMs: Math.min(DEFAULT_LIMITS.connectTimeoutMs, deadlineMs),
      idleTimeoutMs: Math.min(DEFAULT_LIMITS.idleTimeoutMs, deadlineMs),
      maxResponseBytes,
      maxStreamBytes: DEFAULT_LIMITS.maxStreamBytes,
    },
    allowInsecureHttp: readBoolean(cfg, 'allowInsecureHttp', false),
  };
}

/**
 * The optional step field `rateLimitShare`: the part of the account's published rate budget
 * this step may spend (0 < share ≤ 1, default 1), for several flows on one account, each in
 * its own container with its own throttle. Their shares should add up to at most 1.
 */
export function readRateLimitShare(cfg: Config): number {
  const value = cfg.rateLimitShare;
  if (value === undefined || value === null || value === '') return 1;
  // Strict: "0x1", "1e-1", [0.5] are not fractions; the message below speaks for every refusal.
  const share = numberOrNaN(value, 'rateLimitShare');
  if (!Number.isFinite(share) || share <= 0 || share > 1)
    throw new ConfigurationError('rateLimitShare', `must be a fraction above 0 and at most 1 (e.g. 0.5 for half the budget), got "${String(value)}"`);
  return share;
}
