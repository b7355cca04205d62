import { ConfigurationError } from '../errors';
import { strictNumber } from './numbers';
import { isAbsent, quote } from './values';

/**
 * Text given as a string, or as a number (its decimal form). Objects, arrays and booleans are
 * errors, never "[object Object]" or "true" in a request. Undefined when absent.
 */
export function strictText(value: unknown, field: string, options: { trim?: boolean } = {}): string | undefined {
  if (isAbsent(value)) return undefined;
  if (typeof value === 'number') return String(strictNumber(value, field));
  if (typeof value !== 'string') throw new ConfigurationError(field, `must be text, got ${quote(value)}`);
  if (!options.trim) return value;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** true/false, or the text "true"/"false" (any case). "yes", 1, "on" are errors, not a silent false. */
export function strictBoolean(value: unknown, field: string): boolean | undefined {
  if (isAbsent(value)) return undefined;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const text = value.trim().toLowerCase();
    if (text === 'true') return true;
    if (text === 'false') return false;
  }
  throw new ConfigurationError(field, `must be true or false, got ${quote(value)}`);
}

/** One of the allowed values (compared as text, so 1 and "1" are the same choice). */
export function strictChoice<T extends string>(value: unknown, field: string, allowed: readonly T[]): T | undefined {
  const text = strictText(value, field, { trim: true });
  if (text === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(text))
    throw new ConfigurationError(field, `must be one of ${allowed.join(', ')}, got ${quote(value)}`);
  return text as T;
}
