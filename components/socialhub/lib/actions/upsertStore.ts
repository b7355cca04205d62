import { describeAction, operationFields, operationStepFields } from '@oih-suite/kit';
import { organizationToStore } from '../mappings/organizationToStore';
import { storeToOrganization } from '../mappings/storeToOrganization';
import { OPERATIONS } from '../operations/table';
import { socialhub } from '../provider';
import { upsertStore } from '../steps/upserts';

export = describeAction(socialhub, {
  id: 'upsertStore',
  title: 'Upsert store (OIH Organization)',
  description:
    'Master Data management: saves an OIH Organization as a SocialHub store; the store code is metadata.recordUid. Emits the Organization.',
  in: './lib/schemas/organization.json',
  out: './lib/schemas/organization.json',
  fields: operationStepFields(operationFields(OPERATIONS.saveStore)),
  mapping: organizationToStore,
  outputMapping: storeToOrganization,
  run: upsertStore,
});
