import http from 'node:http';
import https from 'node:https';
import { Readable, Transform } from 'node:stream';
import zlib from 'node:zlib';

/** Limits of one HTTP exchange (one attempt, one hop). */
export interface RequestLimits {
  /** TCP (and TLS) connection set-up. */
  connectTimeoutMs: number;
  /** No byte sent or received for this long ends the exchange. */
  idleTimeoutMs: number;
  /** Headers and the whole body (for streamed bodies: the headers) within this long. */
  deadlineMs: number;
  /** A larger body (after decompression) is refused. */
  maxResponseBytes: number;
  /**
   * The same for a streamed body (an export file read row by row): it is never held in memory,
   * so the limit only stops a download that never ends.
   */
  maxStreamBytes: number;
}

export const DEFAULT_LIMITS: RequestLimits = {
  connectTimeoutMs: 10_000,
  idleTimeoutMs: 30_000,
  deadlineMs: 120_000,
  maxResponseBytes: 50 * 1024 * 1024,
  maxStreamBytes: 20 * 1024 * 1024 * 1024,
};

export interface RawRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string;
  stream?: boolean;
  limits: RequestLimits;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  /** The body as text, or a stream when asked for one. */
  body: string | Readable;
}

export type TransportFailure = 'connect timeout' | 'idle timeout' | 'deadline exceeded' | 'response too large';

/** A network-level failure: a Node error code (ECONNRESET...) or one of our own limits. */
export class TransportError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** True for the size limit: a retry would get the same answer. */
    readonly permanent = false,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

/**
 * One HTTP exchange on Node's own client, without following redirects (the HttpClient decides
 * where a redirect may go). Every exchange has a connect timeout, an idle-socket timeout, an overall
 * deadline over headers and body (a server dribbling a byte now and then is cut off) and a size cap.
 */
export function exchange(request: RawRequest): Promise<RawResponse> {
  const { limits } = request;
  const client = request.url.protocol === 'https:' ? https : http;
  return new Promise<RawResponse>((resolve, reject) => {
    let settled = false;
    const timers: NodeJS.Timeout[] = [];
    const clearTimers = (): void => timers.splice(0).forEach((t) => clearTimeout(t));
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimers();
      if (!request.stream) stopIdle();
      fn();
    };
    const req = client.request(request.url, { method: request.method, headers: { ...request.headers, ...contentLength(request.body) } });
    // A streamed body already handed over: a later failure must reach its reader as this error.
    let handedOver: Readable | undefined;
    const fail = (code: TransportFailure, message: string): void => {
      const error = new TransportError(code, message, code === 'response too large');
      settle(() => reject(error));
      handedOver?.destroy(error);
      req.destroy(error);
    };
    timers.push(setTimeout(() => fail('deadline exceeded', `no complete response within ${request.limits.deadlineMs} ms`), limits.deadlineMs));
    req.on('socket', (socket) => {
      if (!socket.connecting) return;
      const timer = setTimeout(() => fail('connect timeout', `no connection within ${limits.connectTimeoutMs} ms`), limits.connectTimeoutMs);
      timers.push(timer);
      socket.once(request.url.protocol === 'https:' ? 'secureConnect' : 'connect', () => clearTimeout(timer));
    });
    // Our own idle timer, reset by every byte that arrives: it does not depend on socket internals
    // (keep-alive reuse, interceptors) and keeps guarding a streamed body after the headers.
    let idle: NodeJS.Timeout | undefined;
    const stopIdle = (): void => clearTimeout(idle);
    const touch = (): void => {
      stopIdle();
      idle = setTimeout(() => fail('idle timeout', `the connection was idle for ${limits.idleTimeoutMs} ms`), limits.idleTimeoutMs);
    };
    touch();
    req.on('close', () => {
      if (!request.stream || !settled) stopIdle();
    });
    req.on('error', (error: NodeJS.ErrnoException) => settle(() => reject(new TransportError(error.code ?? 'network error', error.message))));
    const maxBytes = request.stream ? limits.maxStreamBytes : limits.maxResponseBytes;
    const setting = request.stream ? 'the limit of a streamed download' : 'setting maxResponseMB';
    req.on('response', (res) => {
      const headers = flatHeaders(res.headers);
      const declared = Number(headers['content-length']);
      if (Number.isFinite(declared) && declared > maxBytes) {
        fail('response too large', tooLarge(maxBytes, setting, declared));
        return;
      }
      touch();
      res.on('data', touch);
      res.on('close', stopIdle);
      const body = capped(decoded(res, headers), maxBytes, setting, (error) => fail(error.code as TransportFailure, error.message));
      const status = res.statusCode ?? 0;
      if (request.stream) {
        // The deadline covered the headers; the idle timeout keeps guarding the body.
        handedOver = body;
        settle(() => resolve({ status, headers, body }));
        return;
      }
      const chunks: Buffer[] = [];
      body.on('data', (chunk: Buffer) => chunks.push(chunk));
      body.on('error', (error: NodeJS.ErrnoException) =>
        settle(() => reject(error instanceof TransportError ? error : new TransportError(error.code ?? 'network error', error.message))),
      );
      res.on('aborted', () => settle(() => reject(new TransportError('ECONNRESET', 'the connection closed before the body was complete'))));
      body.on('end', () => settle(() => resolve({ status, headers, body: stripBom(Buffer.concat(chunks).toString('utf8')) })));
    });
    req.end(request.body);
  });
}

function contentLength(body: string | undefined): Record<string, string> {
  return body === undefined ? {} : { 'Content-Length': String(Buffer.byteLength(body)) };
}

function flatHeaders(raw: http.IncomingHttpHeaders): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (value !== undefined) headers[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return headers;
}

function decoded(res: http.IncomingMessage, headers: Record<string, string>): Readable {
  const encoding = (headers['content-encoding'] ?? '').trim().toLowerCase();
  const decoder =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? zlib.createGunzip()
      : encoding === 'deflate'
        ? zlib.createInflate()
        : encoding === 'br'
          ? zlib.createBrotliDecompress()
          : undefined;
  if (!decoder) return res;
  res.on('error', (error) => decoder.destroy(error));
  return res.pipe(decoder);
}

function capped(source: Readable, maxBytes: number, setting: string, onTooLarge: (error: TransportError) => void): Readable {
  let total = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      total += chunk.length;
      if (total > maxBytes) {
        const error = new TransportError('response too large', tooLarge(maxBytes, setting), true);
        onTooLarge(error);
        callback(error);
        return;
      }
      callback(null, chunk);
    },
  });
  source.on('error', (error) => counter.destroy(error));
  return source.pipe(counter);
}

function tooLarge(maxBytes: number, setting: string, declared?: number): string {
  const mb = (n: number): string => (n < 1024 * 1024 ? `${n} bytes` : `${Math.round((n / 1024 / 1024) * 10) / 10} MB`);
  return `the response${declared !== undefined ? ` (${mb(declared)})` : ''} is larger than the limit of ${mb(maxBytes)} (${setting})`;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
