import { Readable } from 'node:stream';
import type { SimRequest, SimResponse } from './server';
import { SimulatorServer } from './server';

/**
 * Answers a hostile provider (or a broken proxy in front of it) gives, for the hostile-provider
 * suite and component specs: all with status 200 unless said otherwise.
 */
export const hostileBodies = {
  /** 200 and no body at all. */
  empty: (): SimResponse => ({ status: 200, text: '', headers: { 'content-type': 'application/json' } }),
  /** 200 and the JSON literal null. */
  null: (): SimResponse => ({ status: 200, text: 'null', headers: { 'content-type': 'application/json' } }),
  /** A proxy's or login page's HTML. */
  html: (): SimResponse => ({
    status: 200,
    text: '<!DOCTYPE html><html><head><title>Sign in</title></head><body><form action="/login"></form></body></html>',
    headers: { 'content-type': 'text/html; charset=utf-8' },
  }),
  /** Plain text where JSON is expected. */
  plainText: (): SimResponse => ({ status: 200, text: 'OK', headers: { 'content-type': 'text/plain' } }),
  /** A JSON document cut off in the middle. */
  truncated: (): SimResponse => ({ status: 200, text: '{"data": [{"id": "1", "name": "cut', headers: { 'content-type': 'application/json' } }),
};

export type HostileBody = keyof typeof hostileBodies;

/** A valid JSON array of about `bytes` bytes, streamed so the simulator holds only one chunk of it. */
export function hugeJson(bytes: number): SimResponse {
  const item = JSON.stringify({ id: 'x', pad: 'p'.repeat(1000) });
  const perChunk = 64;
  const chunk = `${Array.from({ length: perChunk }, () => item).join(',')},`;
  const chunks = Math.max(1, Math.ceil(bytes / chunk.length));
  async function* body(): AsyncGenerator<string> {
    yield '[';
    for (let i = 0; i < chunks; i += 1) yield chunk;
    yield '{}]';
  }
  return { status: 200, headers: { 'content-type': 'application/json' }, stream: Readable.from(body()) };
}

/** A 307/308 to the same path and query on `target` (another origin: a catcher's URL). */
export function redirectTo(target: string, status: 301 | 302 | 303 | 307 | 308 = 307): (req: SimRequest) => SimResponse {
  return (req) => {
    const location = new URL(req.path, target);
    for (const [key, value] of Object.entries(req.query)) location.searchParams.set(key, value);
    return { status, headers: { location: location.toString() }, body: { moved: location.toString() } };
  };
}

/**
 * An error answer that echoes what the request carried: its form or JSON body, its headers
 * (Authorization, API-token headers) and query, verbatim, under every key a provider's error
 * parser may read (`error`, `message`, `msg`, `detail`, `code`...). What a careless token endpoint
 * or debugging proxy does.
 */
export function echoRequest(status = 400): (req: SimRequest) => SimResponse {
  return (req) => {
    const echo = `received ${req.method} ${req.path}?${new URLSearchParams(req.query).toString()} body ${req.rawBody} headers ${JSON.stringify(req.headers)}`;
    return {
      status,
      body: {
        code: echo,
        msg: echo,
        message: echo,
        detail: echo,
        error: { code: status, message: echo },
        error_description: echo,
        errors: [echo],
        request: { body: req.body, rawBody: req.rawBody, headers: req.headers, query: req.query },
      },
    };
  };
}

/**
 * A second local server (another origin: another port) that answers everything with 200 `{}` and
 * records each request, so a test can show that no credential ever reached it.
 */
export async function startCatcher(): Promise<SimulatorServer> {
  const catcher = new SimulatorServer('catcher');
  catcher.fallback = () => ({ status: 200, body: {} });
  await catcher.start();
  return catcher;
}
