import { ConfigurationError, Config, defineAction } from '@oih-suite/kit';
import type { Values } from '@oih-suite/kit';
import { runOperation } from '../steps/operationAction';
import { deriveOperationId } from '../steps/operationId';

export = defineAction<Config>({
  name: 'adjustPoints',
  run: (ctx) =>
    runOperation('adjustPoints', ctx, (request, message) => {
      const body = request.json as Values;
      if (Number(body.pointValue) <= 0)
        throw new ConfigurationError('pointValue', 'must be a positive number of points; the operation type says whether they are added or deducted');
      if (!body.operationId) body.operationId = deriveOperationId(message.metadata.recordUid, body);
    }),
});
