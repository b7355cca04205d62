import { EXIT, ExitCode } from '../errors';
import type { Ui } from '../output/ui';

export async function runDemo(_options: { reset?: boolean; stateDir?: string }, ui: Ui): Promise<ExitCode> {
  ui.out('demo: not yet');
  return EXIT.ok;
}
