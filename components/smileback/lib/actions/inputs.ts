import type { Config } from '@oih-suite/kit';

/** An action reads its fields from the incoming message first, then from the step configuration. */
export function fieldsOf(cfg: Config, data: Record<string, unknown>): Config {
  const merged: Config = { ...cfg };
  for (const [key, value] of Object.entries(data)) if (value !== undefined && value !== null && value !== '') merged[key] = value;
  return merged;
}
