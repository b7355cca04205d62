import { randomUUID } from 'node:crypto';
import { ConfigurationError } from '../../errors';
import { checkEveryItem, strictBoolean, strictInteger, strictNumber, strictText } from '../../input';
import { now } from '../../util/timing';
import type { Operation, OperationField } from './types';

export type Values = Record<string, unknown>;

/** One operation call, ready for the HTTP client. */
export interface OperationRequest {
  method: Operation['method'];
  url: string;
  query?: Record<string, string | number>;
  json?: unknown;
  idempotent: boolean;
  /** The record the call is about (first path value), for error messages. */
  recordId?: string;
}

const isEmpty = (v: unknown): boolean => v === undefined || v === null || v === '';

/**
 * Validates the input against the operation's fields and builds the request. Everything is
 * checked before anything is sent; an error names the field (`details[2].qty`).
 */
export function buildOperationRequest(op: Operation, input: Values, stepDefaults: Values = {}): OperationRequest {
  const path = readOperationFields(op.pathFields ?? [], input, stepDefaults, '');
  const query = readOperationFields(op.queryFields ?? [], input, stepDefaults, '');
  const body = readOperationFields(op.bodyFields ?? [], input, stepDefaults, '');
  let url = op.path;
  for (const field of op.pathFields ?? []) url = url.replace(`{${field.name}}`, encodeURIComponent(String(path[field.name])));
  const hasBody = op.method !== 'GET' && (op.bodyFields !== undefined || op.bodyFrom !== undefined);
  return {
    method: op.method,
    url,
    query: op.queryFields ? (query as Record<string, string | number>) : undefined,
    json: hasBody ? (op.bodyFrom ? body[op.bodyFrom] : body) : undefined,
    idempotent: op.idempotent ?? op.method !== 'POST',
    recordId: op.pathFields?.length ? String(path[op.pathFields[0].name]) : undefined,
  };
}

/** Reads and checks a list of fields; absent optional fields are left out of the result. */
export function readOperationFields(fields: OperationField[], input: Values, stepDefaults: Values, prefix: string): Values {
  const out: Values = {};
  for (const field of fields) {
    let value = input[field.name];
    if (isEmpty(value) && field.config) value = stepDefaults[field.name];
    if (isEmpty(value) && field.default !== undefined) value = field.default;
    if (isEmpty(value) && field.auto) value = field.auto === 'nowMs' ? now() : randomUUID().replace(/-/g, '');
    const name = `${prefix}${field.name}`;
    if (isEmpty(value)) {
      if (field.required) throw new ConfigurationError(name, `is required for this operation (${field.title})`);
      continue;
    }
    out[field.name] = coerce(field, value, name, stepDefaults);
  }
  return out;
}

function coerce(field: OperationField, value: unknown, name: string, stepDefaults: Values): unknown {
  if (field.enum) {
    const key = strictText(value, name, { trim: true }) ?? '';
    if (!(key in field.enum)) {
      const allowed = Object.entries(field.enum)
        .map(([k, label]) => `${k} (${label})`)
        .join(', ');
      throw new ConfigurationError(name, `"${key}" is not allowed; use one of ${allowed}`);
    }
    return field.type === 'integer' ? Number(key) : key;
  }
  switch (field.type) {
    case 'integer':
      if (field.cents && !isWholeCents(value)) throw new ConfigurationError(name, `must be a whole number of cents, got "${String(value)}"`);
      return strictInteger(value, name);
    case 'number':
      return strictNumber(value, name);
    case 'boolean':
      return strictBoolean(value, name);
    case 'object':
      if (typeof value !== 'object' || Array.isArray(value)) throw new ConfigurationError(name, 'must be an object');
      return value;
    case 'array': {
      if (!Array.isArray(value)) throw new ConfigurationError(name, 'must be an array');
      if (field.maxItems !== undefined && value.length > field.maxItems)
        throw new ConfigurationError(name, `has ${value.length} items; at most ${field.maxItems} are allowed per call`);
      if (!field.items) return value;
      return readOperationItems(field.items, value, name, stepDefaults);
    }
    default:
      return strictText(value, name);
  }
}

/** Cents are whole: 19.99 is a price in units given where cents are meant, named as such. */
function isWholeCents(value: unknown): boolean {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : NaN;
  return !Number.isFinite(n) || Number.isInteger(n);
}

/** Every item of a list of objects, all checked before anything is sent (the kit's batch policy). */
export function readOperationItems(items: OperationField[], list: readonly unknown[], name: string, stepDefaults: Values): Values[] {
  return checkEveryItem(name, list, (item, prefix) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) throw new ConfigurationError(prefix.slice(0, -1), 'must be an object');
    return readOperationFields(items, item as Values, stepDefaults, prefix);
  });
}
