import { randomUUID } from 'node:crypto';
import { ConfigurationError } from '../../errors';
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
    const key = String(value);
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
    case 'number': {
      const n = typeof value === 'number' ? value : Number(String(value).trim());
      if (!Number.isFinite(n) || (field.type === 'integer' && !Number.isInteger(n))) {
        const what = field.cents ? 'a whole number of cents' : field.type === 'integer' ? 'a whole number' : 'a number';
        throw new ConfigurationError(name, `must be ${what}, got "${String(value)}"`);
      }
      return n;
    }
    case 'boolean':
      return value === true || String(value) === 'true';
    case 'object':
      if (typeof value !== 'object' || Array.isArray(value)) throw new ConfigurationError(name, 'must be an object');
      return value;
    case 'array': {
      if (!Array.isArray(value)) throw new ConfigurationError(name, 'must be an array');
      if (!field.items) return value;
      const items = field.items;
      return value.map((item, i) => {
        if (!item || typeof item !== 'object' || Array.isArray(item)) throw new ConfigurationError(`${name}[${i}]`, 'must be an object');
        return readOperationFields(items, item as Values, stepDefaults, `${name}[${i}].`);
      });
    }
    default:
      if (typeof value === 'object') throw new ConfigurationError(name, 'must be text');
      return String(value);
  }
}
