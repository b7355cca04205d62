import type { SimulatorServer } from './server';

/** What every provider simulator's `startSimulator` accepts (the CLI, the demo, tests and benchmarks rely on it). */
export interface SimulatorOptions {
  /** Port on 127.0.0.1; default a free one. */
  port?: number;
  /** Seeds this many realistic records deterministically, awkward cases included. */
  records?: number;
  seed?: number;
  /** false turns the provider's rate limits off (demo, benchmarks); default on, as the real API. */
  rateLimits?: boolean;
  /** Compresses rate-limit windows (benchmarks set the kit's `timing.intervalScale` to the same value). */
  intervalScale?: number;
  /**
   * The time (epoch ms) seeded history is relative to, for simulators that seed "the last N days";
   * default now. The demo pins it so every run starts from identical data.
   */
  seedTime?: number;
}

/** What every provider simulator's `startSimulator` returns, besides its own store controls. */
export interface SimulatorHandle {
  baseUrl: string;
  /** The credential fields (and `baseUrl`) a step needs to reach this simulator. */
  cfg: Record<string, unknown>;
  server: SimulatorServer;
  stop(): Promise<void>;
}
