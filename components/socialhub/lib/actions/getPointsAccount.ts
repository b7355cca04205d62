import { Config, defineAction } from '@oih-suite/kit';
import { runOperation } from '../steps/operationAction';

// Everything about this operation is in the operation table (lib/operations/table.ts).
export = defineAction<Config>({ name: 'getPointsAccount', run: (ctx) => runOperation('getPointsAccount', ctx) });
