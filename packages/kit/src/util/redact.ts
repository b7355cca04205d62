/** Keys whose values are secrets in a configuration (compared case-insensitively, ignoring _ and -). */
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

/** Answers for the few key names a configuration or log line uses are kept. */
const secretKeyCache = new Map<string, boolean>();
const SECRET_KEY_CACHE_LIMIT = 10_000;

/**
 * Whether a configuration field, query parameter or log field of this name holds a credential.
 * Never applied to business data: a receiver attribute named `token` is the customer's data.
 */
export function isSecretKey(key: string): boolean {
  let secret = secretKeyCache.get(key);
  if (secret === undefined) {
    secret = SECRET_KEYS.has(normalizeKey(key));
    if (secretKeyCache.size < SECRET_KEY_CACHE_LIMIT) secretKeyCache.set(key, secret);
  }
  return secret;
}

const NOT_SECRET_IN_TOKEN_SET = new Set(['tokentype', 'scope', 'expiresin', 'expiresat', 'expires']);

/** How deep the redactor walks objects field by field; deeper parts are checked as JSON text. */
const MAX_DEPTH = 20;
const MASK = '***';
const MIN_SECRET_LENGTH = 4;

/**
 * Every way a secret travels in text: as it is, URL-encoded (`%20`), form-encoded (`+` for a
 * space, `%21` for `!`), JSON-escaped (once and inside a JSON string again), and base64.
 */
export function secretForms(value: string): string[] {
  const forms = new Set<string>([value]);
  forms.add(encodeURIComponent(value));
  forms.add(new URLSearchParams({ v: value }).toString().slice(2));
  const json = JSON.stringify(value).slice(1, -1);
  forms.add(json);
  forms.add(JSON.stringify(json).slice(1, -1));
  forms.add(Buffer.from(value, 'utf8').toString('base64'));
  forms.add(Buffer.from(value, 'utf8').toString('base64').replace(/=+$/, ''));
  return [...forms].filter((form) => form.length >= MIN_SECRET_LENGTH);
}

/**
 * Remembers secret values (from credentials and tokens obtained at run time) and removes every
 * form of them from any text or structure before it is logged, thrown, emitted or printed. Only
 * values are masked: a field's name never changes business data.
 */
export class Redactor {
  private readonly secrets = new Set<string>();
  /** Every form of every secret, longest first (a form may contain a shorter one). */
  private patterns: string[] = [];
  /** One alternation of all patterns: a single scan per string instead of one per pattern (every emitted field passes here). */
  private finder?: RegExp;
  private replacer?: RegExp;
  /** The shortest form: a shorter string cannot hold one. */
  private shortest = Infinity;

  add(...values: unknown[]): this {
    let added = false;
    for (const value of values) {
      if (typeof value !== 'string' || value.length < MIN_SECRET_LENGTH || this.secrets.has(value)) continue;
      this.secrets.add(value);
      this.patterns.push(...secretForms(value));
      added = true;
    }
    if (added) {
      this.patterns = [...new Set(this.patterns)].sort((a, b) => b.length - a.length);
      const alternation = this.patterns.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
      this.finder = new RegExp(alternation);
      this.replacer = new RegExp(alternation, 'g');
      this.shortest = this.patterns[this.patterns.length - 1].length;
    }
    return this;
  }

  /** HTTP Basic credentials: `id:secret` base64-encoded is a secret of its own. */
  addBasic(id: string, secret: string): this {
    return this.add(secret, `${id}:${secret}`);
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

  /** Learns the tokens of a token endpoint's answer (`access_token`, `data.refreshToken`...) the moment they arrive. */
  addTokens(body: unknown, depth = 0): this {
    if (!body || typeof body !== 'object' || depth > 4) return this;
    for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
      if (typeof value === 'string' && isSecretKey(key)) this.add(value);
      else if (value && typeof value === 'object') this.addTokens(value, depth + 1);
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
    if (!this.holdsSecret(input)) return input;
    return input.replace(this.replacer!, MASK);
  }

  /**
   * `input` with every known secret value removed from its strings (keys and non-secret values
   * untouched): a deep copy where something was masked, else `input` itself. Every emitted record
   * passes here, and almost none holds a secret: the check reads every string the copy would
   * mask with the same pattern, without allocating, so the result is the same.
   */
  value<T>(input: T): T {
    return this.isClean(input, 0) ? input : (this.walk(input, 0, false) as T);
  }

  private holdsSecret(text: string): boolean {
    return text.length >= this.shortest && this.finder!.test(text);
  }

  /** True when `walk(input, depth, false)` would change nothing (same strings tested, same depth limit). */
  private isClean(input: unknown, depth: number): boolean {
    if (typeof input === 'string') return !this.holdsSecret(input);
    if (!input || typeof input !== 'object') return true;
    if (depth > MAX_DEPTH) return this.deepIsClean(input);
    if (Array.isArray(input)) {
      for (let i = 0; i < input.length; i += 1) if (!this.isClean(input[i], depth + 1)) return false;
      return true;
    }
    // Anything but a plain object (an Error, a Date, a class instance) is copied as before: the copy
    // keeps only its own enumerable fields, and an Error's message is not one of them.
    const prototype: unknown = Object.getPrototypeOf(input);
    if (prototype !== Object.prototype && prototype !== null) return false;
    // for…in without a key array (own keys only, as the copy reads them): a third of the time of Object.keys.
    for (const key in input) {
      if (Object.prototype.hasOwnProperty.call(input, key) && !this.isClean((input as Record<string, unknown>)[key], depth + 1)) return false;
    }
    return true;
  }

  /**
   * Below MAX_DEPTH the walk stops recursing (deep data must not exhaust the stack): the rest is
   * read as JSON text, and a part that holds a secret there is replaced by the mask as a whole.
   */
  private deepIsClean(input: object): boolean {
    let json: string | undefined;
    try {
      json = JSON.stringify(input);
    } catch {
      return false; // not JSON (a cycle): nothing we cannot read goes out
    }
    return json === undefined || !this.holdsSecret(json);
  }

  /**
   * Log fields: like `value`, and a field whose own name says credential (`password`, `token`) is
   * masked too, since our log lines never carry business data under such a name.
   */
  fields<T>(input: T): T {
    return this.walk(input, 0, true) as T;
  }

  private walk(input: unknown, depth: number, byName: boolean): unknown {
    if (typeof input === 'string') return this.text(input);
    if (!input || typeof input !== 'object') return input;
    if (depth > MAX_DEPTH) return this.deepIsClean(input) ? input : MASK;
    if (Array.isArray(input)) return input.map((item) => this.walk(item, depth + 1, byName));
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
      const masked = byName && isSecretKey(key) && value !== undefined && value !== null && value !== '';
      out[key] = masked ? MASK : this.walk(value, depth + 1, byName);
    }
    return out;
  }
}
