import type { Redactor } from '../util/redact';

/**
 * Removes every known secret from an error in place: message, stack, every string property
 * (`providerMessage`, `providerCode`...) and its causes, however deep. What leaves a step as an
 * error, a rebound or a log line has been through here.
 */
export function redactError<E>(error: E, redactor: Redactor, depth = 0): E {
  if (!error || typeof error !== 'object' || depth > 5) return error;
  const target = error as Record<string, unknown>;
  for (const key of new Set([...Object.keys(target), 'message', 'stack'])) {
    const value = target[key];
    if (typeof value === 'string') {
      const clean = redactor.text(value);
      if (clean !== value) setProperty(target, key, clean);
    } else if (value && typeof value === 'object' && key !== 'cause') {
      setProperty(target, key, redactor.value(value));
    }
  }
  const cause = target.cause;
  if (typeof cause === 'string') setProperty(target, 'cause', redactor.text(cause));
  else if (cause && typeof cause === 'object') redactError(cause, redactor, depth + 1);
  return error;
}

function setProperty(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, configurable: true, enumerable: Object.keys(target).includes(key) });
}
