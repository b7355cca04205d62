import { ConfigurationError, Values, describeOperation } from '@oih-suite/kit';
import { OPERATIONS } from '../operations/table';
import { sendOperation, socialhub } from '../provider';
import { deriveOperationId } from '../steps/operationId';

export = describeOperation(socialhub, OPERATIONS.adjustPoints, {
  ...sendOperation,
  before: (request, message) => {
    const body = request.json as Values;
    if (Number(body.pointValue) <= 0)
      throw new ConfigurationError('pointValue', 'must be a positive number of points; the operation type says whether they are added or deducted');
    if (!body.operationId) body.operationId = deriveOperationId(message.metadata.recordUid, body);
  },
});
