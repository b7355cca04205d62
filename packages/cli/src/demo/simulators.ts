import type { Ui } from '../output/ui';
import { RunningSimulator, simulatorFile, startSimulator } from '../simulators';
import { listComponents } from '../workspace';
import fs from 'node:fs';

/** A component folder name (`smileback`): every folder under components/ is one. */
export type Provider = string;

/**
 * Seeded records per simulator: thousands, so paging, snapshots and progress are real. A provider
 * not named here gets the default; these are only the sizes that suit each one's demo steps.
 */
const DEFAULT_RECORDS = 1000;
const RECORDS: Record<string, number> = { smileback: 3000, cleverreach: 2000, socialhub: 500, maestroqa: 2000 };
const recordsFor = (provider: Provider): number => RECORDS[provider] ?? DEFAULT_RECORDS;

/** Every component, in folder order: each one's simulator runs in the demo. */
const demoProviders = (): Provider[] => listComponents().map((c) => c.id);
/** One fixed seed: every run starts from the same data, which is what makes run 2 comparable. */
const SEED = 20261122;

export interface DemoSimulators {
  running: Partial<Record<Provider, RunningSimulator>>;
  /** Providers whose simulator could not start, and why. */
  missing: Partial<Record<Provider, string>>;
  stop(): Promise<void>;
}

/**
 * Starts every component's simulator in this process, rate limits off (the demo says so), seeded as of
 * `seedTime` (the first run's time), so every run starts from identical data.
 */
export async function startDemoSimulators(ui: Ui, seedTime: number): Promise<DemoSimulators> {
  const running: DemoSimulators['running'] = {};
  const missing: DemoSimulators['missing'] = {};
  await Promise.all(
    demoProviders().map(async (provider) => {
      if (!fs.existsSync(simulatorFile(provider))) {
        missing[provider] = `the ${provider} component is not built yet (no ${provider}/dist/simulator)`;
        return;
      }
      try {
        // Seeded relative to the first run's time: a restart moves no record, so run 2 is incremental.
        running[provider] = await startSimulator(provider, { records: recordsFor(provider), seed: SEED, rateLimits: false, seedTime });
      } catch (error) {
        missing[provider] = `the ${provider} simulator did not start: ${(error as Error).message}`;
      }
    }),
  );
  const started = Object.values(running).filter((sim): sim is RunningSimulator => sim !== undefined);
  for (const sim of started) ui.redactor.addFromConfig(sim.cfg);
  return {
    running,
    missing,
    stop: async () => {
      await Promise.all(started.map((sim) => sim.stop()));
    },
  };
}

export function describeSimulators(sims: DemoSimulators): string[] {
  return demoProviders().map((p) => {
    const sim = sims.running[p];
    return sim ? `  ${p.padEnd(12)} ${sim.baseUrl}  (${recordsFor(p)} seeded records)` : `  ${p.padEnd(12)} not started: ${sims.missing[p]}`;
  });
}
