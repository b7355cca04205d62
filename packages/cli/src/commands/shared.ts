import { loadConfig } from '../config';
import { UsageError } from '../errors';
import type { Ui } from '../output/ui';
import type { ComponentInfo, StepInfo } from '../workspace';

/** The credential and step field names component.json declares (to match OIH_CFG_* variables). */
export function credentialFieldNames(component: ComponentInfo, step?: StepInfo): string[] {
  return [...Object.keys(component.descriptor.credentials?.fields ?? {}), ...Object.keys(step?.definition.fields ?? {})];
}

/** The retry budget of a local run when the cfg sets no `maxRetryWaitSeconds` (documented in the README). */
export const CLI_RETRY_WAIT_SECONDS = 30;

/**
 * Loads the configuration and teaches the UI's redactor its secrets before anything is printed:
 * secret-named keys (the kit's list) plus every field component.json shows as a password.
 */
export function prepareConfig(file: string | undefined, fields: string[], ui: Ui, component?: ComponentInfo): Record<string, unknown> {
  if (file === undefined && !Object.keys(process.env).some((key) => key.startsWith('OIH_CFG_')))
    throw new UsageError(
      'No configuration: --cfg <file> is missing',
      `Give the credentials in a JSON file (\`npx oih-connectors simulate ${component?.id ?? '<provider>'} --write-cfg <file>\` writes one ` +
        'for a simulator) or set OIH_CFG_<FIELD> variables.',
    );
  const cfg = loadConfig(file, fields);
  // At a terminal a provider that stays unreachable should end the run within half a minute (exit
  // 4), not after the platform's three minutes of retries; the cfg file may set it longer.
  if (cfg.maxRetryWaitSeconds === undefined) cfg.maxRetryWaitSeconds = CLI_RETRY_WAIT_SECONDS;
  ui.redactor.addFromConfig(cfg);
  for (const [name, field] of Object.entries(component?.descriptor.credentials?.fields ?? {})) {
    if (/password/i.test(field.viewClass ?? '')) ui.redactor.add(cfg[name]);
  }
  return cfg;
}
