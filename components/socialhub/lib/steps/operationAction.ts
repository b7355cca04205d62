import { ActionContext, Config, OihMessage, oihMessage } from '@oih-suite/kit';
import type { OperationSpec } from '../operations/types';
import { OperationRequest, buildRequest, Values } from '../operations/request';
import { OPERATIONS, OperationId } from '../operations/table';
import { applicationUid, clientFor } from './context';

/** Turns the envelope's `data` into the emitted message body (see ResultKind). */
export function shapeResult(op: OperationSpec, data: unknown): Record<string, unknown> {
  switch (op.result) {
    case 'list':
      return { list: Array.isArray(data) ? data : data === null || data === undefined ? [] : [data] };
    case 'ack':
      return { accepted: true, result: data ?? null };
    default:
      return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  }
}

/** The record id of the result: a result field, else the first path value, else the input's id. */
function recordUidOf(op: OperationSpec, result: Record<string, unknown>, input: Values, fallback?: string): string | undefined {
  const fromResult = op.recordUidFrom ? (result[op.recordUidFrom] ?? input[op.recordUidFrom]) : undefined;
  if (fromResult !== undefined && fromResult !== null && fromResult !== '') return String(fromResult);
  return fallback;
}

/**
 * Runs one operation of the table for one message: the input (after the flow's custom mapping)
 * supplies the fields, the step's select fields supply defaults, the envelope's data is emitted.
 * Every plain action is this function; the table says what differs.
 */
export async function runOperation(
  id: OperationId,
  ctx: ActionContext<Config>,
  complete?: (request: OperationRequest, message: OihMessage<Values>) => void,
): Promise<void> {
  const op = OPERATIONS[id];
  const mapped = await ctx.transformer.apply<Values>(ctx.input);
  const input = mapped.data ?? {};
  const request = buildRequest(op, input, ctx.cfg);
  complete?.(request, mapped);
  const data = await clientFor(ctx).send(request);
  const body = shapeResult(op, data);
  const recordUid = recordUidOf(op, body, (request.json as Values) ?? input, request.recordId);
  // The incoming recordUid belongs to the source application; only the OIH id travels on.
  const metadata = { oihUid: mapped.metadata.oihUid, recordUid, applicationUid: applicationUid(ctx.cfg) };
  await ctx.emitter.data(oihMessage(body, metadata));
}
