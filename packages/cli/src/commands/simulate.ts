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

/**
 * Starts one provider simulator and keeps it running until Ctrl-C. Its credentials are test
 * credentials the simulator invented, so printing them is the point (they are not redacted).
 */
export async function simulateCommand(provider: string, options: SimulateOptions, ui: Ui): Promise<ExitCode> {
  const sim = await startSimulator(provider, { port: options.port, records: options.records, seed: options.seed, rateLimits: options.rateLimits });
  ui.out(`${provider} simulator listening on ${sim.baseUrl}${options.rateLimits === false ? ' (rate limits off)' : ''}`);
  ui.out('Test credentials (a ready --cfg file):');
  process.stdout.write(`${JSON.stringify(sim.cfg, null, 2)}\n`);
  if (options.writeCfg) {
    writeState(options.writeCfg, sim.cfg);
    ui.out(`Written to ${options.writeCfg}: oih-connectors run ${provider} <trigger|action> --cfg ${options.writeCfg}`);
  }
  ui.out('Press Ctrl-C to stop.');
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await sim.stop();
  ui.err('Simulator stopped.');
  return EXIT.ok;
}
