import {
  ActionContext,
  Config,
  OihMessage,
  OperationRequest,
  Values,
  buildOperationRequest,
  oihMessage,
  operationRecordUid,
  shapeOperationResult,
} from '@oih-suite/kit';
import { OPERATIONS, OperationId } from '../operations/table';
import { applicationUid, clientFor } from './context';

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
  const request = buildOperationRequest(op, input, ctx.cfg);
  complete?.(request, mapped);
  const data = await clientFor(ctx).send(request);
  const body = shapeOperationResult(op, data);
  const recordUid = operationRecordUid(op, body, (request.json as Values) ?? input, request.recordId);
  // The incoming recordUid belongs to the source application; only the OIH id travels on.
  const metadata = { oihUid: mapped.metadata.oihUid, recordUid, applicationUid: applicationUid(ctx.cfg) };
  await ctx.emitter.data(oihMessage(body, metadata));
}
