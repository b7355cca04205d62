import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AmqpMessage } from './amqp';

export interface StubRequest {
  method: string;
  path: string;
  authorization?: string;
  body?: unknown;
}

export interface StepRecord {
  config: Record<string, unknown>;
  snapshot: Record<string, unknown>;
}

/**
 * What the platforms provide around a step, on 127.0.0.1:
 * - elastic.io step API (`GET /v1/tasks/:flow/steps/:step`, read once per sailor start) serving
 *   config and the last stored snapshot;
 * - the OIH snapshots service (`GET /snapshots/flows/:flow/steps/:step`, read by ferryman per message);
 * - the result endpoint sailor's runService.js POSTs verifyCredentials results to.
 * Snapshots reach it the way they reach the platform: published on AMQP, stored by `store`.
 */
export class PlatformStub {
  readonly steps = new Map<string, StepRecord>();
  readonly results = new Map<string, unknown>();
  readonly requests: StubRequest[] = [];
  url = '';
  private server?: http.Server;

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  defineStep(flowId: string, stepId: string, config: Record<string, unknown>, snapshot: Record<string, unknown> = {}): void {
    this.steps.set(`${flowId}/${stepId}`, { config, snapshot });
  }

  snapshotOf(flowId: string, stepId: string): Record<string, unknown> {
    return this.steps.get(`${flowId}/${stepId}`)?.snapshot ?? {};
  }

  /** Persists snapshot messages (plain JSON): `snapshot` replaces, sailor's `updateSnapshot` merges. */
  store(flowId: string, stepId: string, messages: AmqpMessage[]): void {
    const step = this.steps.get(`${flowId}/${stepId}`);
    if (!step) throw new Error(`No step ${flowId}/${stepId} defined`);
    for (const message of messages) {
      const value = JSON.parse(message.content.toString('utf8')) as Record<string, unknown>;
      step.snapshot = message.properties.headers.snapshotEvent === 'updateSnapshot' ? { ...step.snapshot, ...value } : value;
    }
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const path = new URL(req.url ?? '/', 'http://stub').pathname;
    const request: StubRequest = {
      method: req.method ?? 'GET',
      path,
      authorization: req.headers.authorization,
      body: text ? safeJson(text) : undefined,
    };
    this.requests.push(request);
    const send = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    let match = /^\/v1\/tasks\/([^/]+)\/steps\/([^/]+)$/.exec(path);
    if (match && request.method === 'GET') {
      const step = this.steps.get(`${match[1]}/${match[2]}`);
      if (!step) return send(404, { error: 'no such step' });
      return send(200, {
        id: match[2],
        comp_id: 'comp1',
        function: 'f',
        config: step.config,
        snapshot: step.snapshot,
        is_passthrough: false,
        variables: {},
      });
    }
    match = /^\/snapshots\/flows\/([^/]+)\/steps\/([^/]+)$/.exec(path);
    if (match && request.method === 'GET') {
      const step = this.steps.get(`${match[1]}/${match[2]}`);
      return step ? send(200, { data: step.snapshot }) : send(404, { error: 'no snapshot' });
    }
    match = /^\/results\/([^/]+)$/.exec(path);
    if (match && request.method === 'POST') {
      this.results.set(match[1], request.body);
      return send(200, {});
    }
    send(404, { error: `stub has no ${request.method} ${path}` });
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
