import { ConfigurationError } from '../errors';
import { readInteger } from '../component/settings';

/**
 * How long one evaluation of a flow's `customMapping` may run and how deeply it may nest, so an
 * endless loop or runaway recursion ends in an error instead of blocking the step for good.
 */
export interface MappingLimits {
  /** Step field `customMappingTimeoutMs`. */
  timeoutMs: number;
  /** Step field `customMappingMaxDepth`: nested evaluation steps (JSONata's own stack). */
  maxDepth: number;
}

export const DEFAULT_MAPPING_LIMITS: Readonly<MappingLimits> = { timeoutMs: 1000, maxDepth: 500 };

/** Reads the optional limit fields of a step; bad values name the field. */
export function readMappingLimits(settings: Record<string, unknown>): MappingLimits {
  return {
    timeoutMs: readInteger(settings, 'customMappingTimeoutMs', { min: 1, max: 60_000, fallback: DEFAULT_MAPPING_LIMITS.timeoutMs }),
    maxDepth: readInteger(settings, 'customMappingMaxDepth', { min: 10, max: 10_000, fallback: DEFAULT_MAPPING_LIMITS.maxDepth }),
  };
}

/**
 * JSONata checks its guardrails synchronously on every evaluation step (codes D1012 timeout and
 * D1011 depth), so they fire inside a tight tail-call loop too, where no timer ever could.
 * Returns the configuration error for a tripped limit, or undefined for any other error.
 */
export function limitError(error: unknown, limits: MappingLimits, recordId?: string): ConfigurationError | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  const record = recordId ? ` for record ${recordId}` : '';
  if (code === 'D1012')
    return new ConfigurationError(
      'customMapping',
      `ran longer than ${limits.timeoutMs} ms${record} and was stopped; check the expression for an endless loop (limit: step field customMappingTimeoutMs)`,
      { recordId },
    );
  if (code === 'D1011')
    return new ConfigurationError(
      'customMapping',
      `nested deeper than ${limits.maxDepth} evaluation steps${record} and was stopped; check the expression for endless recursion (limit: step field customMappingMaxDepth)`,
      { recordId },
    );
  return undefined;
}
