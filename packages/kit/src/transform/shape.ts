import { ConfigurationError } from '../errors';

/** The two parts of a message a custom mapping may set. */
export interface MappedParts {
  metadata?: Record<string, unknown>;
  data: Record<string, unknown>;
}

const EXPECTED = 'it must return an object: the data itself, {"data": {...}} or {"metadata": {...}, "data": {...}}';

/**
 * A custom mapping returns a whole message (`{data}` or `{metadata, data}`) or the data alone.
 * Only an object with `data` and nothing but `metadata` beside it is a message: a record that
 * merely has a `data` field is data. Anything that is not a plain object (a number, text, list,
 * function, null, false, nothing) is the flow's mistake, never data.
 */
export function readMappedParts(result: unknown, recordId?: string): MappedParts {
  const record = recordId ? ` for record ${recordId}` : '';
  if (!isPlainObject(result)) throw new ConfigurationError('customMapping', `returned ${describe(result)}${record}; ${EXPECTED}`, { recordId });
  if (!('data' in result) || !Object.keys(result).every((key) => key === 'data' || key === 'metadata')) return { data: result };
  const { data, metadata } = result as { data: unknown; metadata?: unknown };
  if (!isPlainObject(data)) throw new ConfigurationError('customMapping', `returned "data" as ${describe(data)}${record}; ${EXPECTED}`, { recordId });
  if (metadata !== undefined && !isPlainObject(metadata))
    throw new ConfigurationError('customMapping', `returned "metadata" as ${describe(metadata)}${record}; ${EXPECTED}`, { recordId });
  return metadata === undefined ? { data } : { metadata, data };
}

/** A JSONata lambda or native function reference is an object too: never data. */
export function isJsonataFunction(value: object): boolean {
  const v = value as { _jsonata_lambda?: unknown; _jsonata_function?: unknown };
  return v._jsonata_lambda === true || v._jsonata_function === true;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isJsonataFunction(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'function' || (typeof value === 'object' && isJsonataFunction(value))) return 'a function';
  if (typeof value === 'string') return `a text (${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)})`;
  return `a ${typeof value} (${String(value)})`;
}
