import type { Values } from './request';
import type { Operation } from './types';

/** Turns the response's data into the emitted message body (see OperationResultKind). */
export function shapeOperationResult(op: Operation, data: unknown): Record<string, unknown> {
  switch (op.result) {
    case 'list':
      return { list: Array.isArray(data) ? data : data === null || data === undefined ? [] : [data] };
    case 'ack':
      return { accepted: true, result: data ?? null };
    default:
      return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  }
}

/** The record id of the result: a result field (or the same input field), else `fallback` (the first path value). */
export function operationRecordUid(op: Operation, result: Record<string, unknown>, input: Values, fallback?: string): string | undefined {
  const fromResult = op.recordUidFrom ? (result[op.recordUidFrom] ?? input[op.recordUidFrom]) : undefined;
  if (fromResult !== undefined && fromResult !== null && fromResult !== '') return String(fromResult);
  return fallback;
}
