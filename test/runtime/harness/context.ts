import { expect } from 'chai';
import { Bus } from './bus';
import type { Child } from './child';
import { MessageCipher } from './cipher';
import type { OihRecord } from './fixture';
import type { PlatformStub } from './platform';
import { sleep } from './ports';
import { RuntimeEnv, RuntimeKind, StepRunner } from './runtimes';

/** Filled by the suite's `before` (one broker, one platform stub for every test). */
export const suite: { env?: RuntimeEnv; platform?: PlatformStub } = {};

export function runtimeEnv(): RuntimeEnv {
  if (!suite.env) throw new Error('the runtime suite did not start (see the before hook)');
  return suite.env;
}

export const cipher = new MessageCipher();

/** Buses opened by the current test; closed in afterEach. */
export const openBuses: Bus[] = [];

export async function openBus(options: { redeliverReboundsToInput?: boolean } = {}): Promise<Bus> {
  const bus = await new Bus().open(runtimeEnv().brokerUrl, options);
  openBuses.push(bus);
  return bus;
}

/** Stops the runtime gracefully (it finishes the message in hand), expects exit 0, lets deliveries settle, checks nothing is left unacked. */
export async function stopAndSettle(child: Child, bus: Bus): Promise<void> {
  const code = await child.stop();
  expect(code, `the runtime should exit 0 after SIGTERM\n${child.tail()}`).to.equal(0);
  let last = -1;
  for (let i = 0; i < 40; i += 1) {
    const total = Object.values(bus.out).reduce((n, c) => n + c.messages.length, 0);
    if (total === last) break;
    last = total;
    await sleep(150);
  }
  // An input left unacked goes back to the queue when the consumer leaves: nothing may be stuck.
  expect(await bus.inputCount(), 'inputs acked or rejected by the runtime').to.equal(0);
}

/** Takes the runtime envelope off a data message and checks that envelope's shape. */
export function unwrap(kind: RuntimeKind, raw: Record<string, unknown>): OihRecord {
  if (kind === 'sailor') {
    expect(raw).to.have.all.keys('id', 'body', 'metadata', 'headers', 'attachments');
    expect(raw.id).to.be.a('string').and.not.be.empty;
    return { metadata: raw.metadata as OihRecord['metadata'], data: raw.body as OihRecord['data'] };
  }
  expect(raw).to.include.keys('metadata', 'data');
  expect(raw).not.to.have.property('body');
  return { metadata: raw.metadata as OihRecord['metadata'], data: raw.data as OihRecord['data'] };
}

export function records(runner: StepRunner, from = 0): OihRecord[] {
  return runner
    .data()
    .slice(from)
    .map((raw) => unwrap(runner.kind, raw));
}

/** Waits for the signs of a finished run: the data we need, and ferryman's "function complete". */
export async function waitForRun(
  runner: StepRunner,
  want: { data?: number; errors?: number; rebounds?: number; snapshots?: number },
  timeoutMs = 20_000,
): Promise<void> {
  const out = runner.bus.out;
  if (want.data) await out.data.waitFor(want.data, timeoutMs);
  if (want.errors) await out.error.waitFor(want.errors, timeoutMs);
  if (want.rebounds) await out.rebound.waitFor(want.rebounds, timeoutMs);
  if (want.snapshots) await out.snapshot.waitFor(want.snapshots, timeoutMs);
}
