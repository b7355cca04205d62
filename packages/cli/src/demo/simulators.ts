import type { Ui } from '../output/ui';
import { RunningSimulator, simulatorFile, startSimulator } from '../simulators';
import fs from 'node:fs';

export type Provider = 'smileback' | 'cleverreach' | 'socialhub' | 'maestroqa';

/** Seeded records per simulator: thousands, so paging, snapshots and progress are real. */
const RECORDS: Record<Provider, number> = { smileback: 3000, cleverreach: 2000, socialhub: 500, maestroqa: 2000 };
/** One fixed seed: every run starts from the same data, which is what makes run 2 comparable. */
const SEED = 20261122;

export interface DemoSimulators {
  running: Partial<Record<Provider, RunningSimulator>>;
  /** Providers whose simulator could not start, and why. */
  missing: Partial<Record<Provider, string>>;
  stop(): Promise<void>;
}

/**
 * Starts the four simulators in this process, rate limits off (the demo says so), seeded as of
 * `seedTime` (the first run's time), so every run starts from identical data.
 */
export async function startDemoSimulators(ui: Ui, seedTime: number): Promise<DemoSimulators> {
  const running: DemoSimulators['running'] = {};
  const missing: DemoSimulators['missing'] = {};
  await Promise.all(
    (Object.keys(RECORDS) as Provider[]).map(async (provider) => {
      if (!fs.existsSync(simulatorFile(provider))) {
        missing[provider] = `the ${provider} component is not built yet (no ${provider}/dist/simulator)`;
        return;
      }
      try {
        // Seeded relative to the first run's time: a restart moves no record, so run 2 is incremental.
        running[provider] = await startSimulator(provider, { records: RECORDS[provider], seed: SEED, rateLimits: false, seedTime });
      } catch (error) {
        missing[provider] = `the ${provider} simulator did not start: ${(error as Error).message}`;
      }
    }),
  );
  for (const sim of Object.values(running)) ui.redactor.addFromConfig(sim.cfg);
  return {
    running,
    missing,
    stop: async () => {
      await Promise.all(Object.values(running).map((sim) => sim.stop()));
    },
  };
}

export function describeSimulators(sims: DemoSimulators): string[] {
  return (Object.keys(RECORDS) as Provider[]).map((p) => {
    const sim = sims.running[p];
    return sim ? `  ${p.padEnd(12)} ${sim.baseUrl}  (${RECORDS[p]} seeded records)` : `  ${p.padEnd(12)} not started: ${sims.missing[p]}`;
  });
}
