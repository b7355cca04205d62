import { performance } from 'node:perf_hooks';

/** Times an async function; returns its result and the wall time in milliseconds. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await fn();
  return { result, ms: performance.now() - start };
}

export function perSecond(count: number, ms: number): number {
  return ms > 0 ? Math.round((count / ms) * 1000) : 0;
}

export function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

export function mb(bytes: number): number {
  return round(bytes / 1024 / 1024, 1);
}

/** Runs `fn` `times` times and keeps the fastest (the one least disturbed by a shared machine). */
export async function bestOf<T extends { ms: number }>(times: number, fn: () => Promise<T>): Promise<T> {
  let best: T | undefined;
  for (let i = 0; i < times; i++) {
    const run = await fn();
    if (!best || run.ms < best.ms) best = run;
  }
  return best!;
}
