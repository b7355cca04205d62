import { writeState } from '../state';
import { EXIT, ExitCode } from '../errors';
import type { Ui } from '../output/ui';
import { startSimulator } from '../simulators';

export interface SimulateOptions {
  port?: number;
  records?: number;
  seed?: number;
  rateLimits?: boolean;
  writeCfg?: string;
}

/** Records a simulator seeds when --records is not given: enough for every trigger to emit something. */
export const DEFAULT_RECORDS = 25;

/** Identifiers of the seeded data that step fields need (a simulator's `main`, e.g. SocialHub's consumer and account codes). */
function identifiers(sim: Record<string, unknown>): string[] {
  const main = sim.main;
  if (!main || typeof main !== 'object') return [];
  return Object.entries(main as Record<string, unknown>)
    .filter(([, value]) => typeof value === 'string' || typeof value === 'number')
    .map(([key, value]) => `${key} ${String(value)}`);
}

/**
 * Starts one provider simulator and keeps it running until Ctrl-C. Its credentials are test
 * credentials the simulator invented, so printing them is the point (they are not redacted).
 */
export async function simulateCommand(provider: string, options: SimulateOptions, ui: Ui): Promise<ExitCode> {
  const records = options.records ?? DEFAULT_RECORDS;
  const sim = await startSimulator(provider, { port: options.port, records, seed: options.seed, rateLimits: options.rateLimits });
  const limits = options.rateLimits === false ? 'rate limits off' : 'rate limits on (--no-rate-limits: off)';
  ui.out(`${provider} simulator listening on ${sim.baseUrl}: ${records} seeded records, ${limits}`);
  const ids = identifiers(sim);
  if (ids.length) ui.out(`Seeded identifiers for step fields: ${ids.join(', ')}`);
  ui.out('Test credentials (a ready --cfg file):');
  process.stdout.write(`${JSON.stringify(sim.cfg, null, 2)}\n`);
  if (options.writeCfg) {
    writeState(options.writeCfg, sim.cfg);
    ui.out(`Written to ${options.writeCfg}. Next:`);
    ui.out(`  npx oih-connectors run ${provider} <trigger|action> --cfg ${options.writeCfg}`);
  }
  ui.out(`Stop it with Ctrl-C (started with & in a shell: kill %1, or kill ${process.pid}).`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await sim.stop();
  ui.err('Simulator stopped.');
  return EXIT.ok;
}
