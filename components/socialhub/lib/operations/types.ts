/**
 * The shape of the declarative operation table. Pure data, no kit imports, so the schema and
 * component.json generator can read it without building anything.
 */

export type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array';

export interface FieldSpec {
  name: string;
  title: string;
  type: FieldType;
  /** Checked before the request; the error names the field. */
  required?: boolean;
  /** Allowed values → labels (a SelectView in component.json, `enum` in the in-schema). */
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
  items?: FieldSpec[];
  /** Filled by the client when absent (request timestamps, random nonces). */
  auto?: 'nowMs' | 'nonce';
}

export type OperationGroup = 'Member' | 'Customer' | 'Order' | 'Points' | 'Master Data';

/**
 * How the `data` of the response becomes the emitted message:
 * - object: the object as is;
 * - page: `{list, total, pageNo, pageSize}` as is;
 * - list: an array, emitted as `{list: [...]}` (a message body must be an object);
 * - ack: `{accepted: true, result}` (the provider answers `data: null` or a bare value).
 */
export type ResultKind = 'object' | 'page' | 'list' | 'ack';

export interface OperationSpec {
  id: string;
  group: OperationGroup;
  title: string;
  description: string;
  method: 'GET' | 'POST' | 'PUT';
  /** With `{name}` placeholders for the path fields. */
  path: string;
  pathFields?: FieldSpec[];
  queryFields?: FieldSpec[];
  bodyFields?: FieldSpec[];
  /** The body is this one input field's value (a bare JSON array). */
  bodyFrom?: string;
  result: ResultKind;
  /** Result field that identifies the record (metadata.recordUid), else the first path field. */
  recordUidFrom?: string;
  /**
   * Safe to resend after a 5xx or a dropped connection: the provider de-duplicates by a key in
   * the request (operationId, eventId, transactionCode, product code, organizationCode).
   */
  idempotent?: boolean;
}
