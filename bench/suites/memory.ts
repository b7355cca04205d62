/**
 * Memory: peak RSS and heap of a small and a large sync of a provider's largest stream, each in
 * a fresh child process (median of `repeats` runs). Memory must not grow with the number of records: large ÷ small ≤ 1.2.
 */
import { fork } from 'node:child_process';
import path from 'node:path';
import type { Cfg, Provider } from '../lib/components';
import { mb, round } from '../lib/measure';
import { stepCfg } from '../lib/profiles';
import { RemoteSimulator } from '../lib/simClient';
import type { MemoryJob, MemorySample } from './memoryChild';

export const MEMORY_GOAL = 1.2;

export interface MemoryResult {
  provider: string;
  trigger: string;
  small: MemoryFigures;
  large: MemoryFigures;
  /** A run 5× the large one where the large run's peak may still be a warm-up figure: does the peak level off? */
  extended?: MemoryFigures;
  /** extended ÷ large peak heap: about 1 when memory has levelled off. */
  extendedHeapRatio?: number;
  rssRatio: number;
  heapRatio: number;
  met: boolean;
}

export interface MemoryFigures {
  records: number;
  messages: number;
  seconds: number;
  baselineRssMb: number;
  peakRssMb: number;
  peakHeapMb: number;
  retainedHeapMb: number;
  /** Major collections V8 ran by itself during the run (the median run's count). */
  majorGcs: number;
  /** Heap just after V8's major collections (median), about the live set (absent when V8 ran none). */
  liveHeapMb?: number;
  /** Every run's peaks (MB), when more than one ran. */
  runs?: { peakRssMb: number; peakHeapMb: number }[];
}

async function measureMedian(provider: Provider, trigger: string, records: number, cfg: Cfg, repeats: number): Promise<MemoryFigures> {
  const runs: MemoryFigures[] = [];
  for (let i = 0; i < repeats; i++) runs.push(await measureOnce(provider, trigger, records, cfg));
  if (runs.length === 1) return runs[0];
  const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return {
    ...runs[0],
    peakRssMb: median(runs.map((r) => r.peakRssMb)),
    peakHeapMb: median(runs.map((r) => r.peakHeapMb)),
    retainedHeapMb: Math.max(...runs.map((r) => r.retainedHeapMb)),
    majorGcs: median(runs.map((r) => r.majorGcs)),
    liveHeapMb: runs.some((r) => r.liveHeapMb !== undefined) ? median(runs.map((r) => r.liveHeapMb ?? 0)) : undefined,
    runs: runs.map((r) => ({ peakRssMb: r.peakRssMb, peakHeapMb: r.peakHeapMb })),
  };
}

/**
 * Peak heap depends on when V8 happens to collect (one 20k run peaked at 20 MB, the next at
 * 31 MB), so each size runs `repeats` times in fresh processes and the median peak counts.
 */
export async function runMemory(
  provider: Provider,
  trigger: string,
  sizes: [number, number],
  cfg: Cfg = {},
  repeats = 3,
  extendedSize?: number,
): Promise<MemoryResult> {
  const small = await measureMedian(provider, trigger, sizes[0], cfg, repeats);
  const large = await measureMedian(provider, trigger, sizes[1], cfg, repeats);
  const rssRatio = round(large.peakRssMb / small.peakRssMb, 2);
  const heapRatio = round(large.peakHeapMb / small.peakHeapMb, 2);
  const result: MemoryResult = { provider, trigger, small, large, rssRatio, heapRatio, met: rssRatio <= MEMORY_GOAL && heapRatio <= MEMORY_GOAL };
  if (extendedSize) {
    result.extended = await measureMedian(provider, trigger, extendedSize, cfg, repeats);
    result.extendedHeapRatio = round(result.extended.peakHeapMb / large.peakHeapMb, 2);
  }
  return result;
}

async function measureOnce(provider: Provider, trigger: string, records: number, cfg: Cfg): Promise<MemoryFigures> {
  const sim = await RemoteSimulator.start(provider, { records, rateLimits: false, seed: 1 });
  try {
    const job: MemoryJob = { provider, trigger, cfg: stepCfg(provider, trigger, sim, cfg) };
    const sample = await inChild(job);
    return {
      records,
      messages: sample.messages,
      seconds: sample.seconds,
      baselineRssMb: mb(sample.baselineRss),
      peakRssMb: mb(sample.peakRss),
      peakHeapMb: mb(sample.peakHeap),
      retainedHeapMb: mb(sample.retainedHeap),
      majorGcs: sample.majorGcs,
      ...(sample.liveHeap !== undefined ? { liveHeapMb: mb(sample.liveHeap) } : {}),
    };
  } finally {
    await sim.stop();
  }
}

function inChild(job: MemoryJob): Promise<MemorySample> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, 'memoryChild.js'), [], { execArgv: ['--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let settled = false;
    child.once('message', (reply: { ok: true; sample: MemorySample } | { ok: false; message: string }) => {
      settled = true;
      if (reply.ok) resolve(reply.sample);
      else reject(new Error(reply.message));
    });
    child.once('exit', (code) => {
      if (!settled) reject(new Error(`memory child exited (${code}) without a result`));
    });
    child.send(job);
  });
}
