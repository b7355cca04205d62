import { Values, describeAction, integer, oihMessage, operationStepFields } from '@oih-suite/kit';
import { OPERATIONS } from '../operations/table';
import { socialhub } from '../provider';
import { EVENT_FIELDS, importEvents } from '../steps/eventImport';

const op = OPERATIONS.importConsumerEventData;

/** One event, or many in `events`: every event is checked before the first batch is sent. */
export = describeAction(socialhub, {
  id: op.id,
  title: op.title,
  description: `${op.group} management: ${op.description}`,
  in: './lib/schemas/consumerEvent.json',
  out: './lib/schemas/importReport.json',
  fields: {
    // tenantId: the default of events that do not name their tenant.
    ...operationStepFields(EVENT_FIELDS),
    batchSize: integer({ label: 'Batch size', min: 1, max: 500, fallback: 100, note: 'Events per request (1 to 500, default 100)' }),
  },
  async run(step) {
    const mapped = await step.transformer.apply<Values>(step.input);
    const report = await importEvents(step.client, mapped.data ?? {}, step.settings.batchSize, step.cfg);
    // A report, not a record: emitted as it is, with the step's applicationUid.
    await step.emitter.data(oihMessage(report, { oihUid: mapped.metadata.oihUid, applicationUid: step.applicationUid }));
  },
});
