/**
 * Runtime cost, measured with the runtime tests' own harness (test/runtime/harness): a private
 * RabbitMQ, the platform stub, and the packaged component (dist-packages/<p>) run by the real
 * sailor. One input message starts one polling run; we time from publishing it to the arrival of
 * the last data message on the output queue, and compare with the same run in-process.
 *
 * Two sailor settings: its defaults, whose data emit limit (ELASTICIO_DATA_RATE_LIMIT 10 per
 * ELASTICIO_RATE_INTERVAL 100 ms) caps a step at 100 messages per second, and that limit lifted,
 * which leaves the transport cost (encryption, AMQP publish with confirms).
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Broker } from '../../test/runtime/harness/broker';
import { Bus } from '../../test/runtime/harness/bus';
import { stopAll } from '../../test/runtime/harness/child';
import { MessageCipher } from '../../test/runtime/harness/cipher';
import { PlatformStub } from '../../test/runtime/harness/platform';
import { sleep } from '../../test/runtime/harness/ports';
import { RuntimeEnv, StepRunner } from '../../test/runtime/harness/runtimes';
import type { Cfg, Provider } from '../lib/components';
import { perSecond, round } from '../lib/measure';
import { profileOf, resolveTrigger, stepCfg } from '../lib/profiles';
import { runTrigger } from '../lib/runTrigger';
import { RemoteSimulator } from '../lib/simClient';
import { PACKAGES_DIR, RuntimeResult } from './runtime';

/** The lifted emit limit: far above anything one step produces. */
const UNLIMITED = { ELASTICIO_DATA_RATE_LIMIT: '1000000', ELASTICIO_SNAPSHOT_RATE_LIMIT: '1000000' };

export function packagedProvider(built: Provider[]): Provider | undefined {
  const packaged = built.filter((p) => fs.existsSync(path.join(PACKAGES_DIR, p, 'component.json')));
  return packaged.find((p) => profileOf(p).runtimeFirst) ?? packaged[0];
}

export async function runRuntime(built: Provider[], messages: number): Promise<RuntimeResult> {
  const provider = packagedProvider(built);
  if (!provider) throw new Error('no built component is packaged in dist-packages/ (run `npm run package`)');
  const trigger = resolveTrigger(provider, profileOf(provider).mainTrigger);
  const broker = new Broker();
  const platform = new PlatformStub();
  const sim = await RemoteSimulator.start(provider, { records: messages, rateLimits: false, seed: 1 });
  try {
    await broker.start();
    await platform.start();
    const env: RuntimeEnv = { brokerUrl: broker.url, platform, cipher: new MessageCipher() };
    const cfg = stepCfg(provider, trigger, sim);
    // In-process under the same conditions as in sailor: the component's real throttle.
    await runTrigger(provider, trigger, cfg);
    const inProcess = await runTrigger(provider, trigger, cfg);
    const expected = inProcess.self.data;
    const defaults = await inSailor(env, provider, trigger, cfg, expected, {});
    const lifted = await inSailor(env, provider, trigger, cfg, expected, UNLIMITED);
    const inProcessPerSec = perSecond(expected, inProcess.ms);
    return {
      provider,
      trigger,
      messages: expected,
      inProcessPerSec,
      runtimePerSec: perSecond(expected, defaults),
      overhead: round(defaults / inProcess.ms, 1),
      liftedPerSec: perSecond(expected, lifted),
      liftedOverhead: round(lifted / inProcess.ms, 1),
      notes: [
        'sailor defaults cap data emits at ELASTICIO_DATA_RATE_LIMIT 10 per ELASTICIO_RATE_INTERVAL 100 ms (100 messages/s)',
        'lifted: ELASTICIO_DATA_RATE_LIMIT=1000000; what remains is encryption and publishing with confirms',
      ],
    };
  } finally {
    await stopAll();
    await sim.stop();
    await platform.stop();
    await broker.stop();
  }
}

/** One polling run in sailor: milliseconds from publishing the input to the last data message. */
async function inSailor(
  env: RuntimeEnv,
  provider: Provider,
  fn: string,
  config: Cfg,
  expected: number,
  extraEnv: Record<string, string>,
): Promise<number> {
  const bus = await new Bus().open(env.brokerUrl);
  try {
    const runner = new StepRunner('sailor', env, bus, { packageDir: path.join(PACKAGES_DIR, provider), fn, config });
    withExtraEnv(runner, extraEnv);
    const child = await runner.start();
    const start = performance.now();
    runner.send({});
    const deadline = start + Math.max(60_000, expected * 20);
    while (bus.out.data.messages.length < expected) {
      if (bus.out.error.messages.length) throw new Error(`sailor emitted an error: ${JSON.stringify(runner.errors()[0]?.message)}`);
      if (!child.alive) throw new Error(`sailor exited early\n${child.tail()}`);
      if (performance.now() > deadline) throw new Error(`only ${bus.out.data.messages.length} of ${expected} messages arrived\n${child.tail(10)}`);
      await sleep(5);
    }
    const ms = performance.now() - start;
    await child.stop();
    return ms;
  } finally {
    await bus.close();
  }
}

/**
 * The harness has no option for extra runtime variables; its (private) sailor environment is
 * extended here, for the benchmark only.
 */
export function withExtraEnv(runner: StepRunner, extra: Record<string, string>): void {
  const target = runner as unknown as { sailorEnv: () => Record<string, string> };
  const original = target.sailorEnv.bind(runner);
  target.sailorEnv = () => ({ ...original(), ...extra });
}
