import { oihMessage, OihMessage } from '../../messages/message';
import { DescribedAction, describeAction } from '../action';
import type { FieldSet } from '../fields';
import type { ProviderDescription } from '../provider';
import { OperationRequest, Values, buildOperationRequest } from './request';
import { operationRecordUid, shapeOperationResult } from './result';
import { operationFields, operationInSchema, operationOutSchema, operationStepFields } from './schemas';
import type { Operation } from './types';

export interface OperationHooks<Client> {
  /** Sends a built request; returns the response's data (the provider's envelope already unwrapped). */
  send(client: Client, request: OperationRequest): Promise<unknown>;
  /** Checks or completes the request before it is sent (e.g. derive an idempotency key); throw to refuse. */
  before?(request: OperationRequest, message: OihMessage<Values>): void;
  /** Built-in JSONata mapping of the input (the flow's customMapping replaces it). */
  mapping?: string;
}

/**
 * An action that is one call of the operation table: the (mapped) input supplies the fields, the
 * step's `config` fields supply defaults, everything is checked before the request, the result is
 * shaped by its kind and emitted with its record id. In- and out-schemas are generated.
 */
export function describeOperation<Creds extends FieldSet, Client>(
  provider: ProviderDescription<Creds, Client>,
  op: Operation,
  hooks: OperationHooks<Client>,
  presentation: { title?: string; description?: string } = {},
): DescribedAction {
  return describeAction(provider, {
    id: op.id,
    title: presentation.title ?? op.title,
    description: presentation.description ?? `${op.group} management: ${op.description}`,
    in: operationInSchema(op),
    out: operationOutSchema(op, provider.title),
    fields: operationStepFields(operationFields(op)),
    mapping: hooks.mapping,
    async run(step) {
      const mapped = await step.transformer.apply<Values>(step.input);
      const input = mapped.data ?? {};
      const request = buildOperationRequest(op, input, step.cfg);
      hooks.before?.(request, mapped);
      const body = shapeOperationResult(op, await hooks.send(step.client, request));
      const recordUid = operationRecordUid(op, body, (request.json as Values) ?? input, request.recordId);
      // The incoming recordUid belongs to the source application; only the OIH id travels on.
      await step.emitter.data(oihMessage(body, { oihUid: mapped.metadata.oihUid, recordUid, applicationUid: step.applicationUid }));
    },
  });
}
