/**
 * Child process entry (run with --expose-gc): one sync of one trigger, sampling memory while it
 * runs. The trigger module is loaded before the baseline, so the figures are what a run costs
 * on top of a loaded component; messages are serialised and dropped.
 */
import { PerformanceObserver, constants } from 'node:perf_hooks';
import type { Cfg, Provider } from '../lib/components';
import { loadTrigger } from '../lib/components';
import { runTrigger, withoutRateLimits } from '../lib/runTrigger';

export interface MemoryJob {
  provider: Provider;
  trigger: string;
  cfg: Cfg;
}

export interface MemorySample {
  messages: number;
  seconds: number;
  baselineRss: number;
  baselineHeap: number;
  peakRss: number;
  peakHeap: number;
  /** Heap still in use after the run and a full collection: what the run retained. */
  retainedHeap: number;
  /** Major (mark-compact) collections V8 ran by itself during the run. */
  majorGcs: number;
  /**
   * Heap in use just after those collections (median), about the run's live set without the
   * garbage a peak also counts (undefined when V8 ran none). Read when the GC entry is delivered,
   * so a reading can include some allocation since: the median keeps one late reading out.
   */
  liveHeap?: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

process.once('message', (job: MemoryJob) => {
  void measure(job).then(
    (sample) => process.send?.({ ok: true, sample }, () => process.exit(0)),
    (error: Error) => process.send?.({ ok: false, message: error.message }, () => process.exit(1)),
  );
});

async function measure(job: MemoryJob): Promise<MemorySample> {
  if (!gc) throw new Error('run with --expose-gc');
  loadTrigger(job.provider, job.trigger);
  gc();
  const base = process.memoryUsage();
  let peakRss = base.rss;
  let peakHeap = base.heapUsed;
  const sample = (): void => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const timer = setInterval(sample, 5);
  const gcs = observeMajorCollections();
  const run = await withoutRateLimits(() => runTrigger(job.provider, job.trigger, job.cfg));
  clearInterval(timer);
  gcs.stop();
  sample();
  // The kernel's high-water mark catches peaks between samples.
  peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
  gc();
  return {
    messages: run.self.data,
    seconds: Math.round(run.ms) / 1000,
    baselineRss: base.rss,
    baselineHeap: base.heapUsed,
    peakRss,
    peakHeap,
    retainedHeap: process.memoryUsage().heapUsed,
    majorGcs: gcs.count,
    liveHeap: gcs.liveHeap,
  };
}

/**
 * Peak heap is live data plus garbage V8 has not collected yet, so it depends on when V8 collects:
 * a run shorter than V8's first major collection never counts the old-generation garbage a longer
 * run carries before each one. The heap right after each major collection shows what is live.
 */
function observeMajorCollections(): { readonly count: number; readonly liveHeap?: number; stop(): void } {
  const readings: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (((entry as { detail?: unknown }).detail as { kind?: number } | undefined)?.kind !== constants.NODE_PERFORMANCE_GC_MAJOR) continue;
      readings.push(process.memoryUsage().heapUsed);
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    get count() {
      return readings.length;
    },
    get liveHeap() {
      return readings.length ? [...readings].sort((a, b) => a - b)[Math.floor(readings.length / 2)] : undefined;
    },
    stop: () => observer.disconnect(),
  };
}
