import type { HttpRequest } from './types';

/** Why a successful answer cannot be what the caller asked for; undefined when it can. */
export type BodyProblem = string | undefined;

/** Statuses that have no body by definition. */
const NO_CONTENT = new Set([204, 205, 304]);

/**
 * Reads a 2xx text body as the request expects it. JSON must be JSON (content type and syntax);
 * an empty body is only an answer where the request has no `expect` and is not a GET (a write
 * that answers nothing). An `expect`ed list or object must be one. Everything else is a
 * problem the client retries like a 5xx: a proxy's HTML page, a cut-off document or an empty
 * 200 in the middle of a scan must never read as "no more records".
 */
export function readBody(
  status: number,
  headers: Record<string, string>,
  text: string,
  request: HttpRequest,
): { data: unknown; problem: BodyProblem } {
  if (request.responseType === 'text') return { data: text, problem: undefined };
  // A provider's own check (a function) runs later, after `inspect`; here only JSON itself is required.
  const expected = typeof request.expect === 'function' ? undefined : request.expect;
  const wanted = expected === 'array' ? 'a list' : expected === 'object' ? 'an object' : 'JSON';
  if (text.trim() === '') {
    const emptyOk = NO_CONTENT.has(status) || (!expected && (request.method ?? 'GET') !== 'GET');
    return { data: undefined, problem: emptyOk ? undefined : `an empty body where ${wanted} was expected` };
  }
  const type = (headers['content-type'] ?? '').toLowerCase();
  if (type && !/[/+]json\b|^application\/x-json|^text\/javascript/.test(type)) {
    return { data: text, problem: `a ${type.split(';')[0]} body where ${wanted} was expected` };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { data: text, problem: `a body that is not valid JSON (truncated or garbled, ${text.length} characters) where ${wanted} was expected` };
  }
  if (expected === 'array' && !Array.isArray(data)) return { data, problem: `${describe(data)} where a list was expected` };
  if (expected === 'object' && (!data || typeof data !== 'object' || Array.isArray(data))) {
    return { data, problem: `${describe(data)} where an object was expected` };
  }
  return { data, problem: undefined };
}

/** Any body for an error response: JSON when it parses, else the text (for the error message). */
export function readErrorBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function describe(data: unknown): string {
  if (data === null) return 'null';
  if (Array.isArray(data)) return 'a list';
  return typeof data === 'object' ? 'an object' : `a ${typeof data}`;
}
