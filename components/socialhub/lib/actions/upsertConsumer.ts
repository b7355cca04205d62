import { describeAction, operationFields, operationStepFields } from '@oih-suite/kit';
import { consumerToPerson } from '../mappings/consumerToPerson';
import { personToConsumer } from '../mappings/personToConsumer';
import { OPERATIONS } from '../operations/table';
import { socialhub } from '../provider';
import { upsertConsumer } from '../steps/upserts';

export = describeAction(socialhub, {
  id: 'upsertConsumer',
  title: 'Upsert consumer (OIH Person)',
  description:
    'Customer management: updates the consumer named by metadata.recordUid, else the one found by mobile phone or e-mail (more than one match is an error), else creates it. Emits the Person as SocialHub holds it.',
  in: './lib/schemas/person.json',
  out: './lib/schemas/person.json',
  // createConsumer's step fields (phone prefix, source, organization) are the defaults of a new consumer.
  fields: operationStepFields(operationFields(OPERATIONS.createConsumer)),
  mapping: personToConsumer,
  outputMapping: consumerToPerson,
  run: upsertConsumer,
});
