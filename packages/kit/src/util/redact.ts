/** Keys whose values are secrets wherever they appear (compared case-insensitively, ignoring _ and -). */
const SECRET_KEYS = new Set(
  [
    'password',
    'clientSecret',
    'secret',
    'appSecret',
    'apiToken',
    'apiKey',
    'accessToken',
    'refreshToken',
    'token',
    'authorization',
    'oauth',
    'idToken',
  ].map(normalizeKey),
);

function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/[_-]/g, '');
}

/** Every emitted record's keys are checked: the answers for the few key names a provider uses are kept. */
const secretKeyCache = new Map<string, boolean>();
const SECRET_KEY_CACHE_LIMIT = 10_000;

export function isSecretKey(key: string): boolean {
  let secret = secretKeyCache.get(key);
  if (secret === undefined) {
    secret = SECRET_KEYS.has(normalizeKey(key));
    if (secretKeyCache.size < SECRET_KEY_CACHE_LIMIT) secretKeyCache.set(key, secret);
  }
  return secret;
}

const NOT_SECRET_IN_TOKEN_SET = new Set(['tokentype', 'scope', 'expiresin', 'expiresat', 'expires']);

const MASK = '***';
const MIN_SECRET_LENGTH = 4;

/**
 * Remembers secret values (from credentials and tokens) and removes them from any text or
 * structure before it is logged, thrown or emitted.
 */
export class Redactor {
  private readonly secrets = new Set<string>();
  /** Each secret as it is and URL-encoded (when that differs): what `text` looks for. */
  private readonly patterns: string[] = [];

  add(...values: unknown[]): this {
    for (const value of values) {
      if (typeof value !== 'string' || value.length < MIN_SECRET_LENGTH || this.secrets.has(value)) continue;
      this.secrets.add(value);
      this.patterns.push(value);
      const encoded = encodeURIComponent(value);
      if (encoded !== value) this.patterns.push(encoded);
    }
    return this;
  }

  /** Adds the values of every secret-named key of a configuration object (one level deep, plus nested objects). */
  addFromConfig(cfg: unknown): this {
    if (!cfg || typeof cfg !== 'object') return this;
    for (const [key, value] of Object.entries(cfg as Record<string, unknown>)) {
      if (isSecretKey(key)) {
        if (typeof value === 'string') this.add(value);
        else if (value && typeof value === 'object') this.addAllStrings(value);
      }
    }
    return this;
  }

  private addAllStrings(value: object): void {
    for (const [key, inner] of Object.entries(value)) {
      // Descriptive fields of a token set are not secrets; masking "Bearer" everywhere helps nobody.
      if (NOT_SECRET_IN_TOKEN_SET.has(normalizeKey(key))) continue;
      if (typeof inner === 'string') this.add(inner);
      else if (inner && typeof inner === 'object') this.addAllStrings(inner as object);
    }
  }

  text(input: string): string {
    let out = input;
    for (const pattern of this.patterns) if (out.includes(pattern)) out = out.split(pattern).join(MASK);
    return out;
  }

  /** Deep copy with secret-named keys masked and known secret values removed from strings. */
  value<T>(input: T): T {
    return this.walk(input, 0) as T;
  }

  private walk(input: unknown, depth: number): unknown {
    if (typeof input === 'string') return this.text(input);
    if (!input || typeof input !== 'object' || depth > 20) return input;
    if (Array.isArray(input)) return input.map((item) => this.walk(item, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
      out[key] = isSecretKey(key) && value !== undefined && value !== null && value !== '' ? MASK : this.walk(value, depth + 1);
    }
    return out;
  }
}
