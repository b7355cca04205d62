/**
 * Memory: peak RSS and heap of a small and a large sync of a provider's largest stream, each in
 * a fresh child process. Memory must not grow with the number of records: large ÷ small ≤ 1.2.
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
}

export async function runMemory(provider: Provider, trigger: string, sizes: [number, number], cfg: Cfg = {}): Promise<MemoryResult> {
  const small = await measureOnce(provider, trigger, sizes[0], cfg);
  const large = await measureOnce(provider, trigger, sizes[1], cfg);
  const rssRatio = round(large.peakRssMb / small.peakRssMb, 2);
  const heapRatio = round(large.peakHeapMb / small.peakHeapMb, 2);
  return { provider, trigger, small, large, rssRatio, heapRatio, met: rssRatio <= MEMORY_GOAL && heapRatio <= MEMORY_GOAL };
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
