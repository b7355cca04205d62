import type { FieldDeclaration, FieldJson } from '../fields';
import type { Operation, OperationField } from './types';

type Json = Record<string, unknown>;

const labels = (e: Record<string, string>) =>
  Object.entries(e)
    .map(([k, v]) => `${k} = ${v}`)
    .join(', ');

function fieldSchema(f: OperationField): Json {
  const notes = [f.description, f.enum ? labels(f.enum) : undefined].filter(Boolean).join('. ');
  const s: Json = { title: f.title, type: f.type };
  if (notes) s.description = notes;
  if (f.enum) s.enum = Object.keys(f.enum).map((k) => (f.type === 'integer' ? Number(k) : k));
  if (f.default !== undefined) s.default = f.default;
  if (f.maxItems !== undefined) s.maxItems = f.maxItems;
  if (f.items) s.items = operationObjectSchema(f.items);
  return s;
}

/** The JSON schema of an object with these fields (required: those without a default, step value or automatic value). */
export function operationObjectSchema(fields: OperationField[]): Json {
  const required = fields.filter((f) => f.required && f.default === undefined && !f.config && !f.auto).map((f) => f.name);
  return { type: 'object', properties: Object.fromEntries(fields.map((f) => [f.name, fieldSchema(f)])), ...(required.length ? { required } : {}) };
}

export function operationFields(op: Operation): OperationField[] {
  return [...(op.pathFields ?? []), ...(op.queryFields ?? []), ...(op.bodyFields ?? [])];
}

/** What the operation takes: path, query (without automatic values) and body fields. */
export function operationInSchema(op: Operation): Json {
  const fields = [...(op.pathFields ?? []), ...(op.queryFields ?? []).filter((f) => !f.auto), ...(op.bodyFields ?? [])];
  return { title: `${op.title}: input`, ...operationObjectSchema(fields) };
}

/** What the operation emits, by its result kind. */
export function operationOutSchema(op: Operation, provider = 'the provider'): Json {
  const title = `${op.title}: result`;
  switch (op.result) {
    case 'page':
      return {
        title,
        type: 'object',
        required: ['list'],
        properties: {
          list: { type: 'array', items: { type: 'object' } },
          total: { type: 'integer' },
          pageNo: { type: 'integer' },
          pageSize: { type: 'integer' },
        },
      };
    case 'list':
      return { title, type: 'object', required: ['list'], properties: { list: { type: 'array', items: { type: 'object' } } } };
    case 'ack':
      return { title, type: 'object', required: ['accepted'], properties: { accepted: { const: true }, result: {} } };
    default:
      return {
        title,
        description: `The record as ${provider} returns it`,
        type: 'object',
        ...(op.recordUidFrom ? { properties: { [op.recordUidFrom]: { type: 'string' } } } : {}),
      };
  }
}

/**
 * The step fields of an operation: its `config` fields, offered as defaults for messages that do
 * not give them (a select for enumerations). They are read by the request builder, not here.
 */
export function operationStepFields(fields: OperationField[]): Record<string, FieldDeclaration<unknown>> {
  const out: Record<string, FieldDeclaration<unknown>> = {};
  for (const f of fields.filter((x) => x.config)) {
    const json: FieldJson = f.enum
      ? {
          label: f.title,
          required: false,
          viewClass: 'SelectView',
          prompt: `Default ${f.title.toLowerCase()} (the message may set "${f.name}")`,
          placeholder: f.default !== undefined ? String(f.default) : Object.keys(f.enum)[0],
          note: `Used when the message has no "${f.name}". ${labels(f.enum)}`,
          model: f.enum,
        }
      : {
          label: f.title,
          required: false,
          viewClass: 'TextFieldView',
          note: `Used when the message has no "${f.name}"`,
          placeholder: f.placeholder ?? f.title,
        };
    out[f.name] = { json, schema: fieldSchema(f), read: (cfg, name) => cfg[name] };
  }
  return out;
}
