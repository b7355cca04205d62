/**
 * A provider's operation table, as data: one entry per API call, with the fields it takes. The
 * kit validates input against it, builds the request, shapes the result and writes the in- and
 * out-schemas, so an action that is "call this endpoint" is one table entry.
 */

export type OperationFieldType = 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array';

export interface OperationField {
  name: string;
  title: string;
  type: OperationFieldType;
  /** Checked before the request; the error names the field. */
  required?: boolean;
  /** Allowed values → labels (a SelectView step field, `enum` in the in-schema). */
  enum?: Record<string, string>;
  /** Sent when the input does not give a value. */
  default?: string | number;
  /** A money amount in cents (integer, never a decimal). */
  cents?: boolean;
  /** Also offered as a step field; the message value wins over the step value. */
  config?: boolean;
  description?: string;
  placeholder?: string;
  /** For arrays: the most items one call takes (more is an error before sending). */
  maxItems?: number;
  /** For arrays of objects: the fields of one item (validated the same way). */
  items?: OperationField[];
  /** Filled when absent (request timestamps, random nonces). */
  auto?: 'nowMs' | 'nonce';
}

/**
 * How the response's data becomes the emitted message:
 * - object: the object as is;
 * - page: `{list, total, pageNo, pageSize}` as is;
 * - list: an array, emitted as `{list: [...]}` (a message body must be an object);
 * - ack: `{accepted: true, result}` (the provider answers no data or a bare value).
 */
export type OperationResultKind = 'object' | 'page' | 'list' | 'ack';

export interface Operation<Group extends string = string> {
  id: string;
  group: Group;
  title: string;
  description: string;
  method: 'GET' | 'POST' | 'PUT';
  /** With `{name}` placeholders for the path fields. */
  path: string;
  pathFields?: OperationField[];
  queryFields?: OperationField[];
  bodyFields?: OperationField[];
  /** The body is this one input field's value (a bare JSON array). */
  bodyFrom?: string;
  result: OperationResultKind;
  /** Result field that identifies the record (metadata.recordUid), else the first path field. */
  recordUidFrom?: string;
  /** Safe to resend after a 5xx or a dropped connection (the provider de-duplicates by a key in the request). */
  idempotent?: boolean;
}
