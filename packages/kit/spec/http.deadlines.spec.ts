import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import nock from 'nock';
import { TransientError } from '../src/errors';
import type { ConnectorError } from '../src/errors';
import { HttpClient } from '../src/http/client';
import { readHttpSettings } from '../src/component/settings';
import { rejection } from './helpers/promises';

const failure = (promise: Promise<unknown>) => rejection<ConnectorError>(promise);

/** A real server on 127.0.0.1 (nock cannot hold a socket open): each test says how it misbehaves. */
async function serve(handler: http.RequestListener): Promise<{ url: string; server: http.Server; requests: () => number }> {
  let count = 0;
  const server = http.createServer((req, res) => {
    count += 1;
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, requests: () => count };
}

describe('HttpClient: every request has deadlines (real sockets)', () => {
  const servers: http.Server[] = [];
  const timers: NodeJS.Timeout[] = [];
  afterEach(async () => {
    timers.splice(0).forEach((t) => clearInterval(t));
    for (const server of servers.splice(0)) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('cuts off a server that dribbles one byte at a time before the idle timeout: the overall deadline covers the body', async () => {
    const { url, server } = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('[');
      timers.push(setInterval(() => res.write(' '), 20));
    });
    servers.push(server);
    const client = new HttpClient({ baseUrl: url, retry: { retries: 0 }, limits: { idleTimeoutMs: 150, deadlineMs: 300 } });
    const error = await failure(client.request({ url: '/items', expect: 'array' }));
    expect(error).to.be.instanceOf(TransientError);
    expect(error.message).to.include('(deadline exceeded) for GET /items');
    expect(String(error.cause)).to.match(/no complete response within (299|300) ms/);
  });

  it('ends a connection set-up that never completes with a connect timeout (a TLS handshake left unanswered)', async () => {
    // A TCP listener that accepts and never speaks TLS: the socket connects, the secure connection never does.
    // Without nock's interceptor for this one: its pass-through socket lets the TLS socket's late
    // ECANCELED (from tearing down a handshake) escape as an uncaught error; Node's own client does not.
    nock.restore();
    const sockets: net.Socket[] = [];
    const listener = net.createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    try {
      const port = (listener.address() as AddressInfo).port;
      const client = new HttpClient({
        baseUrl: `https://127.0.0.1:${port}`,
        retry: { retries: 0 },
        limits: { connectTimeoutMs: 150, idleTimeoutMs: 5000, deadlineMs: 5000 },
      });
      const error = await failure(client.request({ url: '/handshake' }));
      expect(error).to.be.instanceOf(TransientError);
      expect(error.message).to.include('(connect timeout)');
      expect(String(error.cause)).to.include('no connection within 150 ms');
      expect(sockets).to.have.length(1);
    } finally {
      sockets.forEach((s) => s.destroy());
      await new Promise((resolve) => listener.close(resolve));
      nock.activate();
    }
  });

  it('ends an exchange on a socket that stays silent for the idle timeout', async () => {
    const { url, server } = await serve(() => undefined);
    servers.push(server);
    const client = new HttpClient({ baseUrl: url, retry: { retries: 0 }, limits: { idleTimeoutMs: 100, deadlineMs: 5000 } });
    const error = await failure(client.request({ url: '/hang' }));
    expect(error).to.be.instanceOf(TransientError);
    expect(error.message).to.include('(idle timeout)');
  });

  it('one request with its retries ends within the retry budget plus one request deadline, then rebounds', async () => {
    const { url, server, requests } = await serve(() => undefined);
    servers.push(server);
    const budgetMs = 400;
    const deadlineMs = 150;
    const client = new HttpClient({
      baseUrl: url,
      retry: { budgetMs, baseDelayMs: 20, maxDelayMs: 40 },
      limits: { idleTimeoutMs: 1000, deadlineMs },
    });
    const started = performance.now();
    const error = await failure(client.request({ url: '/hang' }));
    const elapsed = performance.now() - started;
    expect(error).to.be.instanceOf(TransientError);
    expect(error.retryable).to.equal(true);
    // Each attempt costs a deadline plus a wait; the budget admits a few, never one past it.
    expect(requests()).to.be.within(2, Math.ceil(budgetMs / deadlineMs) + 1);
    expect(elapsed).to.be.below(budgetMs + deadlineMs + 1000);
  });

  it('a streamed download is guarded too: a body that stops is ended by the idle timeout as a TransientError', async () => {
    const { url, server } = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/csv' });
      res.write('a,b\n1,2\n');
    });
    servers.push(server);
    const client = new HttpClient({ baseUrl: url, retry: { retries: 0 }, limits: { idleTimeoutMs: 100, deadlineMs: 5000 } });
    const response = await client.request<NodeJS.ReadableStream>({ url: '/export.csv', responseType: 'stream' });
    const error = await failure(
      (async () => {
        for await (const _chunk of response.data) void _chunk;
      })(),
    );
    expect(error).to.be.instanceOf(TransientError);
  });

  it('reads the step settings requestTimeoutSeconds, maxResponseMB and allowInsecureHttp, with defaults', () => {
    // The connect and idle timeouts never exceed the deadline; streamed downloads keep their own cap.
    const limits = (deadlineMs: number, connectTimeoutMs: number, idleTimeoutMs: number, responseMb: number) => ({
      deadlineMs,
      connectTimeoutMs,
      idleTimeoutMs,
      maxResponseBytes: responseMb * 1024 * 1024,
      maxStreamBytes: 20 * 1024 * 1024 * 1024,
    });
    expect(readHttpSettings({})).to.deep.equal({ limits: limits(120_000, 10_000, 30_000, 50), allowInsecureHttp: false });
    expect(readHttpSettings({ requestTimeoutSeconds: '5', maxResponseMB: 2, allowInsecureHttp: 'true' })).to.deep.equal({
      limits: limits(5000, 5000, 5000, 2),
      allowInsecureHttp: true,
    });
    expect(() => readHttpSettings({ requestTimeoutSeconds: 0 })).to.throw(/requestTimeoutSeconds/);
  });
});
