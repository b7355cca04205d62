/**
 * What the benchmarks run for each provider. Trigger names are the ids in component.json; when a
 * named trigger is missing the first polling trigger is used, so a renamed trigger still runs. A
 * provider without a profile here runs its first trigger with its simulator's credentials.
 */
import type { Cfg, Provider } from './components';
import type { RemoteSimulator } from './simClient';
import { builtInMapping, loadTrigger, triggerNames } from './components';

export interface Profile {
  /** The main polling trigger: sync throughput and the runtime cost run it. */
  mainTrigger: string;
  /** The trigger reading the provider's largest stream (memory). */
  largestStream?: string;
  /**
   * A third, larger memory run, for a stream so fast that its small run ends before V8's first
   * major collection (its peak heap then leaves out the garbage every longer run carries).
   */
  memoryExtended?: number;
  /** Step fields every benchmark run adds to the simulator's credentials. */
  cfg?: Cfg;
  /** Step fields particular triggers need (e.g. which group). */
  triggerCfg?: Record<string, Cfg>;
  /** Step fields taken from what the simulator seeded (its handle's plain data). */
  fromSimulator?: (extras: Record<string, unknown>) => Cfg;
  /** The most records its simulator can serve in reasonable time, and why (larger runs are capped and reported). */
  maxRecords?: { limit: number; why: string };
  /**
   * Rate-limit use: the trigger, its step fields, how many records make the wanted number of
   * requests, and the clock compression (default 0.05: a 60 s window lasts 3 s; limits in
   * requests per second run in real time, as compressing them leaves less time than a request takes).
   */
  rateLimit?: {
    trigger: string;
    cfg?: Cfg;
    recordsFor(requests: number): number;
    intervalScale?: number;
    /** Issue 8's rate-limit goal names this provider: a quick run measures only these. */
    goal?: boolean;
  };
  /** Preferred for the runtime cost (the first packaged provider with it runs; else the first packaged). */
  runtimeFirst?: boolean;
}

const PROFILES: Record<string, Profile> = {
  smileback: {
    mainTrigger: 'getReviewsPolling',
    largestStream: 'getReviewsPolling',
    // A page of 100 reviews turns the wanted request count into a modest record store.
    // Compressed 5×, not 20×: each page also costs ~60 ms of HTTP and mapping, which no clock compresses.
    rateLimit: { trigger: 'getReviewsPolling', cfg: { pageSize: 100 }, recordsFor: (requests) => requests * 100, intervalScale: 0.2, goal: true },
    // Its pages of 1000 reviews stay inside the 30-request burst, so no throttle wait blurs the runtime figure.
    runtimeFirst: true,
  },
  cleverreach: {
    mainTrigger: 'getReceiversPolling',
    largestStream: 'getReceiversPolling',
    // The simulator seeds the groups Newsletter, Customers and Events.
    triggerCfg: { getReceiversByGroupIdPolling: { groupName: 'Newsletter' } },
    // The simulator allows 10 per second; CleverReach publishes no limit, so the client's adaptive rate
    // starts above it and learns it from the 429s. Pages of 100: each group is read twice, the last
    // once, about 1.7 reads per 100 memberships (1.18 per receiver), so about 1 request per 50 receivers.
    rateLimit: { trigger: 'getReceiversPolling', cfg: { pageSize: 100 }, recordsFor: (requests) => requests * 50, intervalScale: 1 },
  },
  socialhub: {
    // The transactions (orders) of the seeded main consumer; points records of its account.
    mainTrigger: 'getTransactionsPolling',
    // 20 per second, run in real time.
    rateLimit: { trigger: 'getTransactionsPolling', cfg: { pageSize: 50 }, recordsFor: (requests) => requests * 50, intervalScale: 1 },
    fromSimulator: (extras) => {
      const main = (extras.main ?? {}) as Record<string, unknown>;
      return { consumerCode: main.consumerCode, accountCode: main.accountCode };
    },
  },
  maestroqa: {
    // The raw export (async job, then a CSV of rows) is both the bulk stream and the largest.
    mainTrigger: 'getRawExportPolling',
    largestStream: 'getRawExportPolling',
    // 20k rows take under a second, before V8's first major collection; 1M rows take ~30 s.
    memoryExtended: 1_000_000,
    // The multi-window export: an initial coaching sync reads every 90-day window since 2014-01-01
    // (about 53 POST /coaching-sessions, the "hard" bucket of 1/s and 30/min); the request count is fixed.
    // Real time: at 1 request per second the network latency our throttle's margin absorbs is a
    // large share of a compressed window, so compressing this one measures the compression.
    rateLimit: { trigger: 'getCoachingSessionsPolling', recordsFor: () => 2000, intervalScale: 1, goal: true },
  },
};

/** The provider's profile, or the default one: its first trigger, nothing else. */
export function profileOf(provider: Provider): Profile {
  return PROFILES[provider] ?? { mainTrigger: triggerNames(provider)[0] ?? '' };
}

/** The named trigger if the component has it, else its first trigger. */
export function resolveTrigger(provider: Provider, wanted: string): string {
  const names = triggerNames(provider);
  if (names.includes(wanted)) return wanted;
  if (!names.length) throw new Error(`${provider} declares no triggers`);
  return names[0];
}

export function hasMapping(provider: Provider, trigger: string): boolean {
  return builtInMapping(loadTrigger(provider, trigger)) !== undefined;
}

/** The sizes a provider can be run at: each capped at its simulator's limit, duplicates dropped. */
export function capSizes(provider: Provider, sizes: number[]): { sizes: number[]; note?: string } {
  const cap = profileOf(provider).maxRecords;
  if (!cap || sizes.every((n) => n <= cap.limit)) return { sizes };
  const capped = [...new Set(sizes.map((n) => Math.min(n, cap.limit)))];
  return { sizes: capped, note: `${provider}: runs capped at ${cap.limit.toLocaleString('en-US')} records because ${cap.why}` };
}

/** A trigger's step fields against a running simulator: credentials, then the profile's fields. */
export function stepCfg(provider: Provider, trigger: string, sim: RemoteSimulator, extra: Cfg = {}): Cfg {
  const profile = profileOf(provider);
  // The simulator seeds up to the moment it starts: no safety lag, or the newest minute would be held back.
  const noLag = { safetyLagSeconds: 0 };
  return {
    ...sim.cfg,
    ...noLag,
    ...(profile.fromSimulator?.(sim.extras) ?? {}),
    ...(profile.cfg ?? {}),
    ...(profile.triggerCfg?.[trigger] ?? {}),
    ...extra,
  };
}
