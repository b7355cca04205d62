/**
 * `npm run bench [-- --quick] [-- --only engine,memory]`: runs the benchmarks of issue 8, prints a
 * table per suite as it finishes and writes the JSON result file. Never part of `npm test`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildCatalog, CatalogEntry } from './lib/catalog';
import { builtProviders, PROVIDERS, Provider, RESULTS_DIR } from './lib/components';
import { fixtureEntry } from './lib/fixture';
import { describeMachine, loadNow } from './lib/machine';
import { BenchOptions, parseOptions } from './lib/options';
import { capSizes, profileOf, resolveTrigger } from './lib/profiles';
import { profileMain } from './profile';
import type { BenchResults } from './lib/results';
import { renderTable } from './lib/table';
import { CR_REQUEST_GOAL, CR_WALL_GOAL, SyncFigures, runCleverReachSync } from './suites/cleverreachSync';
import { runEngine } from './suites/engine';
import { MEMORY_GOAL, MemoryResult, runMemory } from './suites/memory';
import { RATE_GOAL, runRateLimit } from './suites/rateLimit';
import { runMillion } from './suites/million';
import { runRuntime } from './suites/runtimeBench';
import { runtimeUnavailable } from './suites/runtime';
import { runThroughput, warmUp } from './suites/throughput';
import { runTransform } from './suites/transform';

/** Compressed clock for the rate-limit runs: a 60 s window lasts 3 s on both sides. */
const INTERVAL_SCALE = 0.05;

export async function main(argv: string[]): Promise<number> {
  if (argv.includes('--profile')) return profileMain(argv, RESULTS_DIR);
  const options = parseOptions(argv, RESULTS_DIR);
  const built = builtProviders();
  const results: BenchResults = {
    command: `npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}`,
    quick: options.quick,
    startedAt: new Date().toISOString(),
    machine: describeMachine(),
    components: { built, missing: PROVIDERS.filter((p) => !built.includes(p)) },
    transform: [],
    throughput: [],
    memory: [],
    rateLimit: [],
    goals: [],
    skipped: results_missing(built),
  };
  const m = results.machine;
  console.log(`Machine: ${m.cores}× ${m.cpu}, ${m.memoryGb} GB, Node ${m.node}, load ${m.loadAtStart.join(' ')}`);
  console.log(`Components built: ${built.join(', ') || 'none'}${options.quick ? ' (quick run)' : ''}`);

  const wants = (suite: string): boolean => options.suites.includes(suite as BenchOptions['suites'][number]);
  if (wants('engine') || wants('transform')) await mappingSuites(options, built, results, wants('engine'), wants('transform'));
  if (wants('throughput')) await throughputSuite(options, built, results);
  if (wants('cleverreach') && built.includes('cleverreach')) await cleverreachSuite(options, results);
  if (wants('memory')) await memorySuite(options, built, results);
  if (wants('rateLimit')) await rateLimitSuite(options, built, results);
  if (wants('runtime')) await runtimeSuite(options, built, results);
  if (wants('million')) await millionSuite(options, results);

  results.finishedAt = new Date().toISOString();
  results.machine.loadAtEnd = loadNow();
  printGoals(results);
  fs.mkdirSync(path.dirname(options.out), { recursive: true });
  fs.writeFileSync(options.out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nResults written to ${path.relative(process.cwd(), options.out)} (load at end ${results.machine.loadAtEnd.join(' ')})`);
  return 0;
}

function results_missing(built: Provider[]): string[] {
  return PROVIDERS.filter((p) => !built.includes(p)).map((p) => `${p}: component not built yet (no dist/simulator/index.js or component.json)`);
}

/** A line per finished item, so a long run shows where it is. */
function progress(line: string): void {
  console.log(`  [${new Date().toISOString().slice(11, 19)}] ${line}`);
}

/** Runs one item; a failure is recorded as skipped with its reason instead of ending the run. */
async function attempt<T>(results: BenchResults, what: string, fn: () => Promise<T>): Promise<T | undefined> {
  try {
    return await fn();
  } catch (error) {
    const reason = `${what}: ${(error as Error).message.split('\n')[0]}`;
    results.skipped.push(reason);
    // The results keep the first line; the console gets the whole message (a runtime's last output).
    console.log(`  skipped ${what}: ${(error as Error).message}`);
    return undefined;
  }
}

async function mappingSuites(options: BenchOptions, built: Provider[], results: BenchResults, engine: boolean, transform: boolean): Promise<void> {
  const catalog = await buildCatalog(built, 200);
  results.skipped.push(
    ...catalog.problems.map((p) => `samples ${p}`),
    ...catalog.unfed.map((u) => `transform ${u}: no input found for this mapping`),
  );
  if (transform) {
    for (const entry of catalog.entries) {
      const r = await attempt(results, `transform ${entry.provider} ${entry.mapping}`, () =>
        runTransform(entry, options.transformMessages, options.repeats),
      );
      if (r) results.transform.push(r);
    }
    console.log(
      renderTable(
        'Transform only (built-in mappings, kit Transformer)',
        ['provider', 'mapping', 'input', 'evaluator', 'msg/s', 'µs/msg', 'msg/CPU s', 'jsonata msg/CPU s'],
        results.transform.map((t) => [
          t.provider,
          t.mapping,
          t.inputFrom,
          t.evaluator,
          t.perSec,
          t.microsPerMessage,
          t.perCpuSec,
          t.jsonataPerCpuSec,
        ]),
      ),
    );
  }
  if (engine) {
    const largest = catalog.entries.reduce<CatalogEntry | undefined>((a, b) => (!a || b.expression.length > a.expression.length ? b : a), undefined);
    const entry = largest ?? fixtureEntry();
    results.engine = await attempt(results, 'engine', () => runEngine(entry, Math.max(500, options.transformMessages / 4), options.repeats));
    const e = results.engine;
    if (e) {
      console.log(
        renderTable(
          'Transformation engine: JSONata compiled once vs per message',
          ['mapping', 'once msg/s', 'per-message msg/s', 'speed-up', 'compile µs'],
          [[e.mapping, e.compiledOncePerSec, e.compiledPerMessagePerSec, `${e.speedup}×`, e.compileMicros]],
        ),
      );
    }
  }
}

async function throughputSuite(options: BenchOptions, built: Provider[], results: BenchResults): Promise<void> {
  for (const provider of built) {
    const profile = profileOf(provider);
    const trigger = await attempt(results, `throughput ${provider}`, async () => resolveTrigger(provider, profile.mainTrigger));
    if (!trigger) continue;
    await attempt(results, `throughput ${provider} warm-up`, () => warmUp(provider, trigger, profile.cfg));
    const { sizes, note } = capSizes(provider, options.throughputSizes);
    if (note) results.skipped.push(`throughput ${note}`);
    for (const records of sizes) {
      const r = await attempt(results, `throughput ${provider} ${records}`, () => runThroughput(provider, trigger, records, profile.cfg));
      if (r) results.throughput.push(r);
      if (r) progress(`throughput ${provider} ${records.toLocaleString('en-US')} records: ${r.perSec.toLocaleString('en-US')}/s in ${r.seconds} s`);
    }
  }
  console.log(
    renderTable(
      'Sync throughput (main polling trigger, simulator in its own process, rate limits off)',
      ['provider', 'trigger', 'seeded', 'messages', 'requests', 'req/1k records', 's', 'msg/s', 'kB/msg'],
      results.throughput.map((t) => [
        t.provider,
        t.trigger,
        t.records,
        t.messages,
        t.requests,
        t.requestsPer1000,
        t.seconds,
        t.perSec,
        t.kbPerMessage,
      ]),
    ),
  );
}

async function cleverreachSuite(options: BenchOptions, results: BenchResults): Promise<void> {
  const r = await attempt(results, 'cleverreach initial sync', () =>
    runCleverReachSync(options.cleverreachReceivers, 0.1, options.quick ? 1 : undefined),
  );
  if (!r) return;
  results.cleverreach = r;
  progress(`cleverreach ${r.receivers.toLocaleString('en-US')} receivers: ${r.wallRatio}× the download's wall time, ${r.requestRatio}× its requests`);
  results.goals.push({
    goal: `CleverReach initial sync: wall ≤ ${CR_WALL_GOAL}× download, requests ≤ ${CR_REQUEST_GOAL}×, no duplicates`,
    subject: `${r.receivers} receivers, ${r.groups} groups, ${Math.round(r.multiGroupShare * 100)} % in two`,
    value: `wall ${r.wallRatio}× (CPU ${r.cpuRatio}×; skipTransformation ${r.unmappedWallRatio}×, CPU ${r.unmappedCpuRatio}×), requests ${r.requestRatio}×, ${r.sync.records} messages, ${r.sync.duplicates} duplicates`,
    met: r.met,
  });
  console.log(
    renderTable(
      `CleverReach initial sync vs download (${r.receivers.toLocaleString('en-US')} receivers, ${r.groups} groups, ${Math.round(r.multiGroupShare * 100)} % in two; rate limits off; best of ${r.runs})`,
      ['run', 'requests', 'wall s', 'CPU s', 'peak RSS MB', 'RSS growth MB', 'records/messages', 'duplicates', 'wall ×', 'CPU ×'],
      [
        syncRow('download (node:http + JSON.parse)', r.baseline, 1, 1, '-'),
        syncRow('getReceiversPolling', r.sync, r.wallRatio, r.cpuRatio),
        syncRow('getReceiversPolling, skipTransformation', r.unmapped, r.unmappedWallRatio, r.unmappedCpuRatio),
      ],
    ),
  );
}

function syncRow(run: string, f: SyncFigures, wall: number, cpu: number, duplicates: number | string = f.duplicates): (string | number)[] {
  return [run, f.requests, f.seconds, f.cpuSeconds, f.peakRssMb, f.rssGrowthMb, f.records, duplicates, wall, cpu];
}

async function memorySuite(options: BenchOptions, built: Provider[], results: BenchResults): Promise<void> {
  for (const provider of built) {
    const profile = profileOf(provider);
    if (!profile.largestStream) continue;
    // A capped provider keeps the 10× step between the runs, at the largest size its simulator manages.
    const { note } = capSizes(provider, options.memorySizes);
    const cap = profile.maxRecords?.limit ?? Infinity;
    const sizes: [number, number] = note ? [Math.round(cap / 10), cap] : options.memorySizes;
    if (note) results.skipped.push(`memory ${note}; measured ${sizes[0].toLocaleString('en-US')} vs ${sizes[1].toLocaleString('en-US')}`);
    const r = await attempt(results, `memory ${provider}`, () =>
      runMemory(
        provider,
        resolveTrigger(provider, profile.largestStream!),
        sizes,
        profile.cfg,
        options.repeats,
        options.quick ? undefined : profile.memoryExtended,
      ),
    );
    if (!r) continue;
    results.memory.push(r);
    progress(
      `memory ${provider}: RSS ${r.rssRatio}×, heap ${r.heapRatio}×${r.extended ? `, ${r.extended.records} records ${r.extendedHeapRatio}× of the large run` : ''}`,
    );
    results.goals.push({
      goal: `memory large/small ≤ ${MEMORY_GOAL}×`,
      subject: `${provider} ${r.trigger}`,
      value: `RSS ${r.rssRatio}×, heap ${r.heapRatio}×`,
      met: r.met,
    });
  }
  const rows = results.memory.flatMap((r) =>
    [r.small, r.large, ...(r.extended ? [r.extended] : [])].map((f) => [
      r.provider,
      r.trigger,
      f.records,
      f.messages,
      f.seconds,
      f.baselineRssMb,
      f.peakRssMb,
      f.peakHeapMb,
      f.majorGcs,
      f.liveHeapMb ?? '-',
      f.retainedHeapMb,
    ]),
  );
  console.log(
    renderTable(
      'Memory (child process per run, messages discarded; MB; peaks are the median of the runs)',
      ['provider', 'trigger', 'records', 'messages', 's', 'base RSS', 'peak RSS', 'peak heap', 'major GCs', 'live heap', 'heap after'],
      rows,
    ),
  );
  console.log(
    renderTable(
      `Memory growth, large ÷ small run (goal ≤ ${MEMORY_GOAL}×)`,
      ['provider', 'records', 'RSS ratio', 'heap ratio', 'met', 'why not'],
      results.memory.map((r) => [
        r.provider,
        `${r.large.records.toLocaleString('en-US')} ÷ ${r.small.records.toLocaleString('en-US')}`,
        r.rssRatio,
        r.heapRatio,
        r.met,
        r.met ? '' : memoryShortfall(r),
      ]),
    ),
  );
}

/** What the figures say about a missed memory goal (the goal itself stays). */
function memoryShortfall(r: MemoryResult): string {
  const parts: string[] = [];
  if (r.small.majorGcs === 0 && r.large.majorGcs > 0) parts.push(`the small run (${r.small.seconds} s) ended before V8's first major GC`);
  if (r.extended && r.extendedHeapRatio !== undefined)
    parts.push(`${r.extended.records.toLocaleString('en-US')} records peak at ${r.extendedHeapRatio}× the large run`);
  if (r.small.retainedHeapMb > 0) parts.push(`heap after the run ${r.small.retainedHeapMb} → ${r.large.retainedHeapMb} MB`);
  return parts.join('; ');
}

async function rateLimitSuite(options: BenchOptions, built: Provider[], results: BenchResults): Promise<void> {
  for (const provider of built) {
    const spec = profileOf(provider).rateLimit;
    if (!spec) continue;
    // The goal names some providers (their profiles say so); the others are extra information a smoke run can skip.
    if (options.quick && !spec.goal) continue;
    const r = await attempt(results, `rate limit ${provider}`, () =>
      runRateLimit(
        provider,
        resolveTrigger(provider, spec.trigger),
        spec.recordsFor(options.rateLimitRequests),
        spec.cfg ?? {},
        spec.intervalScale ?? INTERVAL_SCALE,
      ),
    );
    if (!r) continue;
    results.rateLimit.push(r);
    progress(`rate limit ${provider}: use ${r.use}, ${r.rateLimited} × 429`);
    results.goals.push({
      goal: `rate-limit use ≥ ${RATE_GOAL}, zero 429s`,
      subject: `${provider} ${r.trigger}`,
      value: `${r.use}, ${r.rateLimited} × 429`,
      met: r.met,
    });
  }
  console.log(
    renderTable(
      `Rate-limit use (published limits, clock compressed as noted; goal ≥ ${RATE_GOAL}, zero 429s)`,
      ['provider', 'trigger', 'limits', 'clock ×', 'requests', '429s', 's', 'req/min', 'allowed/min', 'use', 'met'],
      results.rateLimit.map((r) => [
        r.provider,
        r.trigger,
        r.limits,
        r.intervalScale,
        r.limitedRequests,
        r.rateLimited,
        r.seconds,
        r.achievedPerMin,
        r.allowedPerMin,
        r.use,
        r.met,
      ]),
    ),
  );
}

async function runtimeSuite(options: BenchOptions, built: Provider[], results: BenchResults): Promise<void> {
  const why = runtimeUnavailable();
  if (why) {
    results.skipped.push(`runtime: ${why}`);
    console.log(`\nRuntime cost: skipped, ${why}`);
    return;
  }
  results.runtime = await attempt(results, 'runtime', () => runRuntime(built, options.runtimeMessages));
  const r = results.runtime;
  if (r) {
    console.log(
      renderTable(
        'Runtime cost (real sailor + RabbitMQ vs in-process)',
        ['provider', 'trigger', 'messages', 'in-process msg/s', 'sailor msg/s', 'time ×', 'sailor, emit limit lifted msg/s', 'time ×'],
        [[r.provider, r.trigger, r.messages, r.inProcessPerSec, r.runtimePerSec, `${r.overhead}×`, r.liftedPerSec, `${r.liftedOverhead}×`]],
      ),
    );
    for (const note of r.notes) console.log(`  ${note}`);
  }
}

function printGoals(results: BenchResults): void {
  if (results.goals.length) {
    console.log(
      renderTable(
        'Goals (issue 8)',
        ['goal', 'subject', 'value', 'met'],
        results.goals.map((g) => [g.goal, g.subject, g.value, g.met]),
      ),
    );
  }
  if (results.skipped.length) console.log(`\nNot measured:\n${results.skipped.map((s) => `  - ${s}`).join('\n')}`);
}

async function millionSuite(options: BenchOptions, results: BenchResults): Promise<void> {
  const why = runtimeUnavailable();
  if (why) {
    results.skipped.push(`million: ${why}`);
    console.log(`\nMillion records through sailor: skipped, ${why}`);
    return;
  }
  results.million = await attempt(results, 'million', () => runMillion(options.millionRecords, progress));
  const r = results.million;
  if (r) {
    console.log(
      renderTable(
        'Initial sync through sailor + RabbitMQ, killed and restarted from the stored snapshot',
        ['provider', 'records', 'killed after', 's', 'msg/s', 'emit limit msg/s', 'peak RSS MB', 'largest snapshot B', 'lost', 'duplicated'],
        [
          [
            r.provider,
            r.records,
            r.killedAfter,
            r.seconds,
            r.messagesPerSec,
            r.emitLimitPerSec,
            r.peakRssMb,
            r.largestSnapshotBytes,
            r.lost,
            r.duplicated,
          ],
        ],
      ),
    );
    for (const note of r.notes) console.log(`  ${note}`);
  }
}
