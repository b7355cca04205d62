import type { SimRequest } from '../../simulator/server';
import { isSecretKey } from '../../util/redact';
import type { RunOutcome } from '../recorder';

/** An error with its every own property and its causes, as plain data (what a log or CLI could print). */
export function errorData(error: unknown, depth = 0): unknown {
  if (!(error instanceof Error) || depth > 5) return error;
  const own: Record<string, unknown> = { name: error.name, message: error.message, stack: error.stack };
  for (const key of Object.getOwnPropertyNames(error)) own[key] = (error as unknown as Record<string, unknown>)[key];
  if (error.cause !== undefined) own.cause = errorData(error.cause, depth + 1);
  return own;
}

/** Everything a run said: every emitted event (errors and rebounds in full), every log line, the error it ended with. */
export function everythingSaid(outcome: RunOutcome): string {
  const events = outcome.self.events.map((e) => ({ event: e.event, payload: errorData(e.payload) }));
  return JSON.stringify([events, outcome.self.logs, errorData(outcome.error)], (_key, value: unknown) =>
    value instanceof Error ? errorData(value) : value,
  );
}

/** The credential values of a step configuration (secret-named fields, nested ones included). */
export function configSecrets(cfg: unknown, inSecret = false): string[] {
  if (typeof cfg === 'string') return inSecret && cfg.length >= 4 ? [cfg] : [];
  if (!cfg || typeof cfg !== 'object') return [];
  return Object.entries(cfg as Record<string, unknown>).flatMap(([key, value]) => configSecrets(value, inSecret || isSecretKey(key)));
}

/** The credentials requests carried: Authorization values (without the scheme) and secret-named headers (tokens issued at run time included). */
export function credentialsSent(requests: readonly SimRequest[]): string[] {
  const found = new Set<string>();
  for (const req of requests) {
    for (const [name, value] of Object.entries(req.headers)) {
      if (name !== 'authorization' && !isSecretKey(name)) continue;
      const credential = value.replace(/^(Bearer|Basic|Token)\s+/i, '').trim();
      if (credential.length >= 4) found.add(credential);
    }
  }
  return [...found];
}

/**
 * Every way a secret can show up: raw, URL-encoded, form-encoded (`+` for spaces), JSON-escaped,
 * base64 alone and base64 of `user:secret` with each non-secret text of the configuration.
 */
export function secretForms(secrets: readonly string[], cfg: Record<string, unknown>): string[] {
  const users = Object.values(cfg).filter((v): v is string => typeof v === 'string' && v.length > 0 && !secrets.includes(v));
  const forms = new Set<string>();
  for (const secret of secrets) {
    forms.add(secret);
    forms.add(encodeURIComponent(secret));
    forms.add(new URLSearchParams({ s: secret }).toString().slice(2));
    forms.add(JSON.stringify(secret).slice(1, -1));
    forms.add(Buffer.from(secret).toString('base64'));
    for (const user of users) forms.add(Buffer.from(`${user}:${secret}`).toString('base64'));
  }
  return [...forms];
}

/** The forms of `secrets` that `text` contains (empty when it holds none). */
export function leakedForms(text: string, secrets: readonly string[], cfg: Record<string, unknown>): string[] {
  return secretForms(secrets, cfg).filter((form) => text.includes(form));
}
