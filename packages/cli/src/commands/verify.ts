import { EXIT, ExitCode, NotVerifiedError } from '../errors';
import type { Ui } from '../output/ui';
import { CliSelf } from '../runner/self';
import { findComponent, loadVerify } from '../workspace';
import { credentialFieldNames, prepareConfig } from './shared';

/**
 * Runs the component's verifyCredentials as the platform does when a user saves credentials.
 * Supports both shapes in the wild: a promise, or a node-style callback.
 */
export async function verifyCommand(componentName: string, options: { cfg?: string }, ui: Ui): Promise<ExitCode> {
  const component = findComponent(componentName);
  const cfg = prepareConfig(options.cfg, credentialFieldNames(component), ui, component);
  const verify = loadVerify(component);
  const self = new CliSelf({}, (line) => ui.log(line));
  const started = Date.now();
  try {
    const result = await new Promise<unknown>((resolve, reject) => {
      const returned = verify.call(self, cfg, (error, value) =>
        error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(value),
      );
      if (returned && typeof (returned as Promise<unknown>).then === 'function') (returned as Promise<unknown>).then(resolve, reject);
      else if (returned !== undefined) resolve(returned);
    });
    const verdict = result as { verified?: unknown; reason?: unknown } | boolean | undefined;
    const verified = typeof verdict === 'boolean' ? verdict : verdict?.verified !== false;
    if (!verified) {
      const reason = typeof verdict === 'object' && verdict?.reason !== undefined ? String(verdict.reason) : undefined;
      return ui.fail(new NotVerifiedError(reason));
    }
    ui.out(`${component.id}: credentials verified (${Date.now() - started} ms)`);
    return EXIT.ok;
  } catch (error) {
    return ui.fail(error);
  }
}
