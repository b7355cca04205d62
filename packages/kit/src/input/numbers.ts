import { ConfigurationError } from '../errors';
import { isAbsent, quote } from './values';

export interface NumberBounds {
  min?: number;
  max?: number;
}

/** Decimal notation only: an optional sign, digits, an optional fraction. No hex, exponent, spaces inside, or leading dot. */
const DECIMAL = /^[+-]?\d+(\.\d+)?$/;
const WHOLE = /^[+-]?\d+$/;

/**
 * A number given as a JSON number or as decimal text, within ±Number.MAX_SAFE_INTEGER (beyond it
 * a value is no longer exact, and `1e21` would be sent in exponent notation). `Number()` would
 * accept "0x10", [5], "1e3", " ", true; these are errors here. Undefined when absent.
 */
export function strictNumber(value: unknown, field: string, bounds: NumberBounds = {}): number | undefined {
  if (isAbsent(value)) return undefined;
  return inBounds(parse(value, field, DECIMAL, 'a number in decimal notation'), value, field, bounds);
}

/** A whole number within the safe integer range (JSON number or digits); "5.0", "0x10", "1e3", [5] are errors. */
export function strictInteger(value: unknown, field: string, bounds: NumberBounds = {}): number | undefined {
  if (isAbsent(value)) return undefined;
  const n = parse(value, field, WHOLE, 'a whole number');
  if (!Number.isInteger(n)) throw new ConfigurationError(field, `must be a whole number, got ${quote(value)}`);
  return inBounds(n, value, field, bounds);
}

function parse(value: unknown, field: string, pattern: RegExp, what: string): number {
  let n: number;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string' && pattern.test(value.trim())) n = Number(value.trim());
  else throw new ConfigurationError(field, `must be ${what}, got ${quote(value)}`);
  if (!Number.isFinite(n) || Math.abs(n) > Number.MAX_SAFE_INTEGER)
    throw new ConfigurationError(field, `must be ${what} between -${Number.MAX_SAFE_INTEGER} and ${Number.MAX_SAFE_INTEGER}, got ${quote(value)}`);
  return n;
}

function inBounds(n: number, value: unknown, field: string, { min, max }: NumberBounds): number {
  if ((min !== undefined && n < min) || (max !== undefined && n > max)) {
    const range = min !== undefined && max !== undefined ? `from ${min} to ${max}` : min !== undefined ? `at least ${min}` : `at most ${max}`;
    throw new ConfigurationError(field, `must be ${range}, got ${quote(value)}`);
  }
  return n;
}
