import type { SimulatorOptions } from '@oih-suite/kit/simulator';
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from './errors';
import { componentsDir, listComponents } from './workspace';

export type { SimulatorOptions };

/** What every provider simulator's `startSimulator` returns (plus provider-specific store controls). */
export interface RunningSimulator {
  baseUrl: string;
  /** The credential fields that reach this simulator: a ready `--cfg`. */
  cfg: Record<string, unknown>;
  stop(): Promise<void>;
  [control: string]: unknown;
}

type StartSimulator = (options?: SimulatorOptions) => Promise<RunningSimulator>;

export function simulatorFile(provider: string): string {
  return path.join(componentsDir(), provider, 'dist', 'simulator', 'index.js');
}

/** The providers whose simulator is built. */
export function availableSimulators(): string[] {
  return listComponents()
    .map((c) => c.id)
    .filter((id) => fs.existsSync(simulatorFile(id)));
}

export function startSimulator(provider: string, options: SimulatorOptions): Promise<RunningSimulator> {
  const id = provider.replace(/^@oih-suite\//, '').toLowerCase();
  const file = simulatorFile(id);
  if (!fs.existsSync(file)) {
    const known = availableSimulators().join(', ') || 'none built yet';
    throw new UsageError(
      `No simulator for "${provider}" (${file} is missing)`,
      `Simulators available: ${known}. Run \`npm run build\` if you expected one.`,
    );
  }
  const mod = require(file) as { startSimulator?: StartSimulator; default?: { startSimulator?: StartSimulator } };
  const start = mod.startSimulator ?? mod.default?.startSimulator;
  if (typeof start !== 'function') throw new UsageError(`${file} does not export startSimulator`);
  return start(options);
}
