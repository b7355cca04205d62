import type { Ui } from '../output/ui';
import type { ExitCode } from '../errors';
import { runDemo } from '../demo/run';

export function demoCommand(options: { reset?: boolean; stateDir?: string }, ui: Ui): Promise<ExitCode> {
  return runDemo(options, ui);
}
