import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';

export interface SimRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** Parsed JSON or form body, or the raw text. */
  body: unknown;
  rawBody: string;
  params: Record<string, string>;
  /** The server's base URL as the client reached it (for absolute `next` links). */
  origin: string;
}

export interface SimResponse {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Sent as is (CSV, literal `true`...). */
  text?: string;
  stream?: Readable;
}

export type SimHandler = (req: SimRequest) => SimResponse | Promise<SimResponse>;

export interface Fault {
  /** Which requests it hits; default all. */
  match?: (req: SimRequest) => boolean;
  /** How many matching requests it hits (default 1); Infinity for a storm. */
  times?: number;
  /** Skip this many matching requests first (e.g. fail the third page). */
  after?: number;
  /** Answer with this instead of the real handler... */
  response?: SimResponse | ((req: SimRequest) => SimResponse);
  /** ...or drop the connection... */
  reset?: boolean;
  /** ...or never answer (the connection stays open until the client gives up or the server stops)... */
  hang?: boolean;
  /** ...or send the status and headers at once, then the body a few bytes at a time... */
  dribble?: Dribble;
  /** ...or answer normally but late. */
  delayMs?: number;
}

/** A response that trickles in: `chunk` every `intervalMs`, `chunks` times (default: until the client gives up). */
export interface Dribble {
  intervalMs: number;
  chunk?: string;
  chunks?: number;
  status?: number;
  headers?: Record<string, string>;
}

export interface SimRateLimit {
  /** The windows, or the windows of the bucket a request falls in (give each bucket its own `key` too). */
  windows: SimWindow[] | ((req: SimRequest) => SimWindow[]);
  /** Requests counted together (default: all). */
  key?: (req: SimRequest) => string;
  exempt?: (req: SimRequest) => boolean;
  /** The 429 answer; gets the seconds until a slot frees up and which window was exceeded. */
  respond: (retryAfterSeconds: number, window: SimWindow, req: SimRequest) => SimResponse;
}

export interface SimWindow {
  limit: number;
  intervalMs: number;
}

/** The windows that judge `req`: the bucket's, when the limit has several. */
export function windowsFor(limit: SimRateLimit, req: SimRequest): SimWindow[] {
  return typeof limit.windows === 'function' ? limit.windows(req) : limit.windows;
}

interface Route {
  method: string;
  regex: RegExp;
  names: string[];
  handler: SimHandler;
}

/**
 * The simulator toolkit's HTTP server: 127.0.0.1 on a free port, routes with `:params`,
 * rate limits answering 429, injected faults, and a log of every request for assertions.
 */
export class SimulatorServer {
  private readonly routes: Route[] = [];
  private readonly faults: (Fault & { hits: number; skipped: number })[] = [];
  private readonly starts = new Map<string, number[]>();
  private server?: http.Server;
  readonly requests: SimRequest[] = [];
  readonly stats = { requests: 0, rateLimited: 0, faults: 0 };
  rateLimit?: SimRateLimit;
  /** Answers requests no route matches (default: a 404); a catcher server records everything with it. */
  fallback?: SimHandler;
  /** Compresses rate-limit windows (benchmarks); 1 = real time. */
  intervalScale = 1;
  /** Where the provider's clock stands against the real one, as its `Date` header says (clock-skew tests). */
  dateOffsetMs = 0;
  url = '';

  constructor(readonly name: string) {}

  route(method: string, pattern: string, handler: SimHandler): this {
    const names: string[] = [];
    const source = pattern
      .replace(/\/+$/, '')
      .split('/')
      .map((part) => {
        if (part.startsWith(':')) {
          names.push(part.slice(1));
          return '([^/]+)';
        }
        return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      })
      .join('/');
    this.routes.push({ method: method.toUpperCase(), regex: new RegExp(`^${source}/?$`), names, handler });
    return this;
  }

  inject(fault: Fault): this {
    this.faults.push({ ...fault, hits: 0, skipped: 0 });
    return this;
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  resetLimits(): void {
    this.starts.clear();
  }

  async start(port = 0): Promise<string> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = 1000;
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    const address = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${address.port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    try {
      const sim = await this.read(req);
      this.stats.requests += 1;
      if (this.requests.length < 20_000) this.requests.push(sim);
      const fault = this.takeFault(sim);
      if (fault?.reset) {
        req.socket.destroy();
        return;
      }
      if (fault?.hang) {
        this.stats.faults += 1;
        return;
      }
      if (fault?.dribble) {
        this.stats.faults += 1;
        return dribble(res, fault.dribble);
      }
      if (fault?.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
      if (fault?.response) {
        this.stats.faults += 1;
        return this.send(res, typeof fault.response === 'function' ? fault.response(sim) : fault.response);
      }
      const limited = this.checkRateLimit(sim);
      if (limited) {
        this.stats.rateLimited += 1;
        return this.send(res, limited);
      }
      const route = this.routes.find((r) => r.method === sim.method && r.regex.test(sim.path));
      if (!route && this.fallback) return this.send(res, await this.fallback(sim));
      if (!route) return this.send(res, { status: 404, body: { error: `No route for ${sim.method} ${sim.path}` } });
      const match = route.regex.exec(sim.path)!;
      route.names.forEach((name, i) => (sim.params[name] = decodeURIComponent(match[i + 1])));
      this.send(res, await route.handler(sim));
    } catch (error) {
      this.send(res, { status: 500, body: { error: `Simulator ${this.name} failed: ${(error as Error).message}` } });
    }
  }

  private async read(req: http.IncomingMessage): Promise<SimRequest> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(req.headers))
      if (value !== undefined) headers[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    let body: unknown = rawBody;
    const type = headers['content-type'] ?? '';
    if (rawBody && type.includes('application/json')) {
      try {
        body = JSON.parse(rawBody);
      } catch {
        body = rawBody;
      }
    } else if (rawBody && type.includes('application/x-www-form-urlencoded')) {
      body = Object.fromEntries(new URLSearchParams(rawBody));
    }
    return {
      method: (req.method ?? 'GET').toUpperCase(),
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers,
      body,
      rawBody,
      params: {},
      origin: url.origin,
    };
  }

  private takeFault(req: SimRequest): Fault | undefined {
    for (const fault of this.faults) {
      if (fault.match && !fault.match(req)) continue;
      if (fault.skipped < (fault.after ?? 0)) {
        fault.skipped += 1;
        continue;
      }
      if (fault.hits >= (fault.times ?? 1)) continue;
      fault.hits += 1;
      return fault;
    }
    return undefined;
  }

  private checkRateLimit(req: SimRequest): SimResponse | undefined {
    const limit = this.rateLimit;
    if (!limit || limit.exempt?.(req)) return undefined;
    const key = limit.key?.(req) ?? 'all';
    const starts = this.starts.get(key) ?? [];
    const at = Date.now();
    const windows = windowsFor(limit, req);
    for (const window of windows) {
      const interval = window.intervalMs * this.intervalScale;
      const inWindow = starts.filter((t) => t > at - interval);
      if (inWindow.length >= window.limit) {
        const freeAt = inWindow[inWindow.length - window.limit] + interval;
        const seconds = Math.max(1, Math.ceil((freeAt - at) / 1000));
        return limit.respond(seconds, window, req);
      }
    }
    starts.push(at);
    const longest = Math.max(...windows.map((w) => w.intervalMs * this.intervalScale));
    while (starts.length && starts[0] <= at - longest) starts.shift();
    this.starts.set(key, starts);
    return undefined;
  }

  private send(res: http.ServerResponse, response: SimResponse): void {
    const headers = { ...(response.headers ?? {}) };
    if (this.dateOffsetMs) headers.date ??= new Date(Date.now() + this.dateOffsetMs).toUTCString();
    if (response.stream) {
      res.writeHead(response.status ?? 200, headers);
      response.stream.pipe(res);
      return;
    }
    let payload = '';
    if (response.text !== undefined) payload = response.text;
    else if (response.body !== undefined) {
      payload = JSON.stringify(response.body);
      headers['content-type'] ??= 'application/json';
    }
    res.writeHead(response.status ?? 200, headers);
    res.end(payload);
  }
}

function dribble(res: http.ServerResponse, plan: Dribble): void {
  res.writeHead(plan.status ?? 200, { 'content-type': 'application/json', ...(plan.headers ?? {}) });
  let sent = 0;
  const timer = setInterval(() => {
    if (plan.chunks !== undefined && sent >= plan.chunks) {
      clearInterval(timer);
      res.end();
      return;
    }
    res.write(plan.chunk ?? ' ');
    sent += 1;
  }, plan.intervalMs);
  res.on('close', () => clearInterval(timer));
}
