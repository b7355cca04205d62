import type { Cfg, SimulatorOptions } from './components';

/** One request the simulator's rate limiter judged: when, and whether it answered 429. */
export interface RateDecision {
  t: number;
  limited: boolean;
}

export interface SimStats {
  requests: number;
  rateLimited: number;
  faults: number;
  /** Only requests subject to the rate limit (exempt ones are not listed). */
  decisions: RateDecision[];
  /** The simulator's limit windows, scaled to its compressed clock. */
  windows: { limit: number; intervalMs: number }[];
}

export type ToHost = { type: 'start'; provider: string; options: SimulatorOptions } | { type: 'stats' } | { type: 'stop' };

export type FromHost =
  | { type: 'started'; baseUrl: string; cfg: Cfg; extras: Record<string, unknown> }
  | { type: 'stats'; stats: SimStats }
  | { type: 'failed'; message: string };
