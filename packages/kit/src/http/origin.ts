import { ConfigurationError, ProviderError } from '../errors';

/**
 * Where a URL from a provider response or a snapshot may point. Credentials only ever go to the
 * origin (scheme, host, port) of the configured base URL; another origin needs an explicit
 * allowance on the call (a documented pre-signed download host), and such a request carries none.
 */
export interface ForeignAllowance {
  /** Host names (`files.example.com`, or `.example.com` for its subdomains), or 'any' for a pre-signed URL of unknown host. */
  hosts: readonly string[] | 'any';
  /** Why a foreign host is fine here, for error messages (e.g. "MaestroQA's pre-signed export download"). */
  reason: string;
}

export interface UrlCheck {
  /** The configured API root. */
  baseUrl: string;
  /** Documented foreign hosts this call may reach (without credentials). */
  allowForeign?: ForeignAllowance;
  /** `http://` to a host that is not loopback (step field `allowInsecureHttp`). */
  allowInsecureHttp?: boolean;
  /** What the URL is, for error messages ("the next link of SmileBack /v3/reviews/"). */
  what?: string;
}

export interface CheckedUrl {
  url: URL;
  /** True when the URL shares the base URL's origin: only then may credentials go with it. */
  sameOrigin: boolean;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return LOOPBACK_HOSTS.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host) || host.endsWith('.localhost');
}

/** `scheme://host:port` of a URL, the default port left out (as `URL.origin` does). */
export function originOf(url: string | URL): string {
  return (typeof url === 'string' ? new URL(url) : url).origin;
}

/** Whether `http://` is acceptable for this URL: loopback always, elsewhere only when allowed explicitly. */
export function insecureHttpRefused(url: URL, allowInsecureHttp = false): boolean {
  return url.protocol === 'http:' && !allowInsecureHttp && !isLoopbackHost(url.hostname);
}

/** Checks a configured base URL: http(s), and plain http only for loopback or with `allowInsecureHttp`. */
export function checkBaseUrl(baseUrl: string, allowInsecureHttp = false, field = 'baseUrl'): URL {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new ConfigurationError(field, `"${baseUrl}" is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigurationError(field, `"${baseUrl}" is not an http(s) URL`);
  if (url.username || url.password) throw new ConfigurationError(field, 'must not contain a user name or password; use the credential fields');
  if (insecureHttpRefused(url, allowInsecureHttp)) {
    throw new ConfigurationError(
      field,
      `"${url.origin}" uses plain http:// to a host that is not loopback; use https:// or set allowInsecureHttp (credentials would travel unencrypted)`,
    );
  }
  return url;
}

function hostAllowed(hostname: string, allowance: ForeignAllowance): boolean {
  if (allowance.hosts === 'any') return true;
  const host = hostname.toLowerCase();
  return allowance.hosts.some((allowed) => {
    const a = allowed.toLowerCase();
    return a.startsWith('.') ? host.endsWith(a) && host.length > a.length : host === a;
  });
}

/**
 * The one check for every URL a provider response or a snapshot hands us (`next` links, download
 * URLs, stored scan positions): relative to the base URL or of its origin, or of a foreign host the
 * call explicitly allows. Throws a ProviderError naming the foreign origin otherwise.
 */
export function checkUrl(raw: string, check: UrlCheck): CheckedUrl {
  const base = new URL(check.baseUrl);
  const what = check.what ?? 'A URL from the provider';
  let url: URL;
  try {
    url = /^[a-z][a-z0-9+.-]*:/i.test(raw) ? new URL(raw) : new URL(joinUrl(check.baseUrl, raw));
  } catch {
    throw new ProviderError(`${what} is not a valid URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ProviderError(`${what} uses the scheme ${url.protocol}, not http(s)`);
  if (url.username || url.password) throw new ProviderError(`${what} carries a user name or password; refusing it`);
  if (url.origin === base.origin) return { url, sameOrigin: true };
  if (!check.allowForeign || !hostAllowed(url.hostname, check.allowForeign)) {
    throw new ProviderError(
      `${what} points to ${url.origin}, another origin than ${base.origin}; refusing to follow it (credentials never leave their origin)`,
    );
  }
  if (insecureHttpRefused(url, check.allowInsecureHttp)) {
    throw new ProviderError(`${what} (${check.allowForeign.reason}) uses plain http:// to ${url.host}; refusing it without allowInsecureHttp`);
  }
  return { url, sameOrigin: false };
}

/** A path below the base URL (one slash between them). */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
