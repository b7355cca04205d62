/**
 * A large initial sync through the real sailor and RabbitMQ (test/runtime/harness), killed with
 * SIGKILL at a random point and started again from the snapshot the platform stored: time,
 * messages per second against sailor's emit limit, the runtime's peak RSS, the largest snapshot,
 * and every record id counted (lost: never emitted; duplicated: emitted more than once).
 * `npm run bench -- --only million [--records N]` (default 1,000,000). MaestroQA's raw export: its
 * simulator serves a million rows, rate limits off, and a restart continues the export in flight.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Broker } from '../../test/runtime/harness/broker';
import { Bus } from '../../test/runtime/harness/bus';
import type { Child } from '../../test/runtime/harness/child';
import { stopAll } from '../../test/runtime/harness/child';
import { MessageCipher } from '../../test/runtime/harness/cipher';
import { PlatformStub } from '../../test/runtime/harness/platform';
import { sleep } from '../../test/runtime/harness/ports';
import { RuntimeEnv, StepRunner } from '../../test/runtime/harness/runtimes';
import type { Provider } from '../lib/components';
import { mb, perSecond, round } from '../lib/measure';
import { resolveTrigger, stepCfg } from '../lib/profiles';
import { RemoteSimulator } from '../lib/simClient';
import { PACKAGES_DIR } from './runtime';
import { withExtraEnv } from './runtimeBench';

export interface MillionResult {
  provider: string;
  trigger: string;
  records: number;
  pageSize: number;
  /** Data messages that had arrived when the runtime was killed. */
  killedAfter: number;
  seconds: number;
  messagesPerSec: number;
  /** sailor's default data emit limit, which this run lifts (at the limit the sync would take records ÷ 100 s). */
  emitLimitPerSec: number;
  peakRssMb: number;
  largestSnapshotBytes: number;
  lost: number;
  duplicated: number;
  notes: string[];
}

const PROVIDER: Provider = 'maestroqa';
const PAGE_SIZE = 1000;
/** sailor's defaults: ELASTICIO_DATA_RATE_LIMIT 10 per ELASTICIO_RATE_INTERVAL 100 ms. */
const DEFAULT_EMIT_LIMIT = 100;
const LIFTED = { ELASTICIO_DATA_RATE_LIMIT: '1000000', ELASTICIO_SNAPSHOT_RATE_LIMIT: '1000000' };

export async function runMillion(records: number, progress: (line: string) => void): Promise<MillionResult> {
  const trigger = resolveTrigger(PROVIDER, 'getRawExportPolling');
  const broker = new Broker();
  const platform = new PlatformStub();
  const sim = await RemoteSimulator.start(PROVIDER, { records, rateLimits: false, seed: 1 });
  const bus = new Bus();
  try {
    await broker.start();
    await platform.start();
    const env: RuntimeEnv = { brokerUrl: broker.url, platform, cipher: new MessageCipher() };
    await bus.open(env.brokerUrl);
    const config = stepCfg(PROVIDER, trigger, sim, { pageSize: PAGE_SIZE, skipTransformation: false });
    const runner = new StepRunner('sailor', env, bus, { packageDir: path.join(PACKAGES_DIR, PROVIDER), fn: trigger, config });
    withExtraEnv(runner, LIFTED);
    const counts = new Map<string, number>();
    let arrived = 0;
    let largestSnapshot = 0;
    let peakKb = 0;
    // Drained as they come: a million messages kept in this process would measure us, not sailor.
    const drain = () => {
      for (const message of bus.out.data.messages.splice(0)) {
        const body = env.cipher.decrypt<{ body?: { metadata?: { recordUid?: string } }; metadata?: { recordUid?: string } }>(message.content);
        const id = body.body?.metadata?.recordUid ?? body.metadata?.recordUid ?? '(no recordUid)';
        counts.set(id, (counts.get(id) ?? 0) + 1);
        arrived += 1;
      }
      const snapshots = bus.out.snapshot.messages.splice(0);
      for (const s of snapshots) largestSnapshot = Math.max(largestSnapshot, s.content.length);
      if (snapshots.length) platform.store(runner.flowId, runner.stepId, snapshots);
    };
    const watch = (child: Child) => {
      const kb = peakRssKb(child.process.pid);
      if (kb > peakKb) peakKb = kb;
    };
    const killAt = Math.floor(records * (0.2 + Math.random() * 0.6));
    const start = performance.now();

    const first = await runner.start();
    runner.send({});
    while (arrived < killAt) {
      await sleep(20);
      drain();
      watch(first);
      if (!first.alive) throw new Error(`sailor exited before the kill\n${first.tail(10)}`);
    }
    watch(first);
    process.kill(first.process.pid!, 'SIGKILL');
    await first.exited;
    await sleep(200);
    drain();
    const killedAfter = arrived;
    progress(`killed sailor after ${killedAfter.toLocaleString('en-US')} messages; restarting from the stored snapshot`);

    const second = await runner.start();
    runner.send({});
    const deadline = performance.now() + Math.max(120_000, records * 10);
    while (counts.size < records) {
      await sleep(50);
      drain();
      watch(second);
      if (bus.out.error.messages.length) throw new Error(`sailor emitted an error: ${JSON.stringify(runner.errors()[0]?.message)}`);
      if (!second.alive) throw new Error(`sailor exited early\n${second.tail(10)}`);
      if (performance.now() > deadline) throw new Error(`only ${counts.size} of ${records} records arrived`);
    }
    const ms = performance.now() - start;
    // Late duplicates, if any, arrive within the next page.
    await sleep(1000);
    drain();
    watch(second);
    await second.stop();
    const duplicated = [...counts.values()].reduce((sum, n) => sum + (n - 1), 0);
    return {
      provider: PROVIDER,
      trigger,
      records,
      pageSize: PAGE_SIZE,
      killedAfter,
      seconds: round(ms / 1000, 1),
      messagesPerSec: perSecond(arrived, ms),
      emitLimitPerSec: DEFAULT_EMIT_LIMIT,
      peakRssMb: mb(peakKb * 1024),
      largestSnapshotBytes: largestSnapshot,
      lost: records - counts.size,
      duplicated,
      notes: [
        `sailor with its data emit limit lifted (${Object.entries(LIFTED)
          .map(([k, v]) => `${k}=${v}`)
          .join(
            ', ',
          )}); at its default ${DEFAULT_EMIT_LIMIT} messages/s this sync would take ${Math.round(records / DEFAULT_EMIT_LIMIT).toLocaleString('en-US')} s`,
        'peak RSS: the highest VmHWM of the two sailor processes (/proc/<pid>/status), sampled while they ran',
        `duplicates come from the page in flight at the kill: at most one page (${PAGE_SIZE} records)`,
      ],
    };
  } finally {
    await stopAll();
    await bus.close();
    await sim.stop();
    await platform.stop();
    await broker.stop();
  }
}

/** The kernel's high-water mark of the process's resident set, in kB (0 once it is gone). */
function peakRssKb(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  } catch {
    return 0;
  }
}
