import { loadConfig } from '../config';
import type { Ui } from '../output/ui';
import type { ComponentInfo, StepInfo } from '../workspace';

/** The credential and step field names component.json declares (to match OIH_CFG_* variables). */
export function credentialFieldNames(component: ComponentInfo, step?: StepInfo): string[] {
  return [...Object.keys(component.descriptor.credentials?.fields ?? {}), ...Object.keys(step?.definition.fields ?? {})];
}

/**
 * Loads the configuration and teaches the UI's redactor its secrets before anything is printed:
 * secret-named keys (the kit's list) plus every field component.json shows as a password.
 */
export function prepareConfig(file: string | undefined, fields: string[], ui: Ui, component?: ComponentInfo): Record<string, unknown> {
  const cfg = loadConfig(file, fields);
  ui.redactor.addFromConfig(cfg);
  for (const [name, field] of Object.entries(component?.descriptor.credentials?.fields ?? {})) {
    if (/password/i.test(field.viewClass ?? '')) ui.redactor.add(cfg[name]);
  }
  return cfg;
}
