import { describeOperation } from '@oih-suite/kit';
import { OPERATIONS } from '../operations/table';
import { sendOperation, socialhub } from '../provider';

// Everything about this operation is in the operation table (lib/operations/table.ts).
export = describeOperation(socialhub, OPERATIONS.queryConsumer, sendOperation);
