import type { Cfg, SimulatorOptions } from './components';

/** One request the simulator's rate limiter judged: when, and whether it answered 429. */
export interface RateDecision {
  /** The limit windows of the bucket the request fell in (JSON), when the simulator has several. */
  bucket: string;
  t: number;
  limited: boolean;
}

export interface SimStats {
  requests: number;
  rateLimited: number;
  faults: number;
  /** Only requests subject to the rate limit (exempt ones are not listed). */
  decisions: RateDecision[];
  /** The limit windows of the busiest bucket, scaled to its compressed clock; `decisions` are that bucket's. */
  windows: { limit: number; intervalMs: number }[];
}

export type ToHost = { type: 'start'; provider: string; options: SimulatorOptions } | { type: 'stats' } | { type: 'stop' };

export type FromHost =
  | { type: 'started'; baseUrl: string; cfg: Cfg; extras: Record<string, unknown> }
  | { type: 'stats'; stats: SimStats }
  | { type: 'failed'; message: string };
