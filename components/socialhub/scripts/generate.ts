/**
 * Writes lib/schemas/*.json and component.json from the operation table, so the 21 actions and their
 * schemas cannot drift from what the code sends. Run:
 *   TS_NODE_TRANSPILE_ONLY=true npx ts-node components/socialhub/scripts/generate.ts && npx prettier --write components/socialhub
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OPERATION_LIST } from '../lib/operations/table';
import { operationFields, operationInSchema, operationOutSchema, operationStepFields } from '@oih-suite/kit/engine';
import type { FieldSpec, OperationSpec } from '../lib/operations/types';
import { EVENT_FIELDS } from '../lib/steps/eventImport';
import { consumerEventIn, importReport, order, organization, person, pointsMovement, productsOut } from './models';

type Json = Record<string, unknown>;
const root = join(__dirname, '..');
const write = (file: string, value: unknown) => writeFileSync(join(root, file), `${JSON.stringify(value, null, 2)}\n`);

const inSchema = (op: OperationSpec): Json => operationInSchema(op);
const outSchema = (op: OperationSpec): Json => operationOutSchema(op, 'SocialHub');

const text = (label: string, note: string, placeholder: string, required = false): Json => ({
  label,
  required,
  viewClass: 'TextFieldView',
  note,
  placeholder,
});
/** A step field offering a default for an enumerated operation field. */
const select = (f: FieldSpec): Json => operationStepFields([{ ...f, config: true }])[f.name].json as unknown as Json;
const common: Json = {
  skipTransformation: {
    label: 'Skip transformation',
    required: false,
    viewClass: 'CheckBox',
    note: 'Pass data through as SocialHub sends or expects it',
    placeholder: 'false',
  },
  customMapping: {
    label: 'Custom mapping (JSONata)',
    required: false,
    viewClass: 'TextAreaView',
    note: 'A JSONata expression over {metadata, data}; replaces the built-in mapping',
    placeholder: '{ "data": data }',
  },
  customMappingTimeoutMs: text('Custom mapping time limit (ms)', 'Longest one customMapping evaluation may run, 1 to 60000 (default 1000)', '1000'),
  customMappingMaxDepth: text('Custom mapping depth limit', 'Deepest nesting of one customMapping evaluation, 10 to 10000 (default 500)', '500'),
  maxRetryWaitSeconds: text(
    'Max retry wait (s)',
    'How long one request may wait on rate limits and retries before the step rebounds (default 180)',
    '180',
  ),
  requestTimeoutSeconds: text(
    'Request timeout (s)',
    'Overall deadline of one request, headers and body (default 120; connect 10 s and idle 30 s at most)',
    '120',
  ),
  maxResponseMB: text('Max response size (MB)', 'A larger response is refused with an error (default 50)', '50'),
};

function stepFields(fields: FieldSpec[]): Json {
  const out: Json = {};
  for (const [name, f] of Object.entries(operationStepFields(fields))) out[name] = f.json;
  return { ...out, ...common };
}

const allFields = (op: OperationSpec) => operationFields(op);
const schemaPath = (file: string) => `./lib/schemas/${file}.json`;

const actions: Json = {};
for (const op of OPERATION_LIST) {
  const custom = op.id === 'importConsumerEventData';
  if (!custom) {
    write(`lib/schemas/${op.id}.in.json`, inSchema(op));
    write(`lib/schemas/${op.id}.out.json`, outSchema(op));
  }
  const fields = custom
    ? {
        ...stepFields(EVENT_FIELDS),
        batchSize: text('Batch size', 'Events per request (1 to 500, default 100)', '100'),
      }
    : stepFields(allFields(op));
  actions[op.id] = {
    main: `./dist/lib/actions/${op.id}.js`,
    title: op.title,
    description: `${op.group} management: ${op.description}`,
    metadata: custom
      ? { in: schemaPath('consumerEvent'), out: schemaPath('importReport') }
      : { in: schemaPath(`${op.id}.in`), out: schemaPath(`${op.id}.out`) },
    fields,
  };
}

const consumerCreate = OPERATION_LIST.find((o) => o.id === 'createConsumer')!;
const storeSave = OPERATION_LIST.find((o) => o.id === 'saveStore')!;
actions.upsertConsumer = {
  main: './dist/lib/actions/upsertConsumer.js',
  title: 'Upsert consumer (OIH Person)',
  description:
    'Customer management: updates the consumer named by metadata.recordUid, else the one found by mobile phone or e-mail (more than one match is an error), else creates it. Emits the Person as SocialHub holds it.',
  metadata: { in: schemaPath('person'), out: schemaPath('person') },
  fields: stepFields(allFields(consumerCreate)),
};
actions.upsertStore = {
  main: './dist/lib/actions/upsertStore.js',
  title: 'Upsert store (OIH Organization)',
  description:
    'Master Data management: saves an OIH Organization as a SocialHub store; the store code is metadata.recordUid. Emits the Organization.',
  metadata: { in: schemaPath('organization'), out: schemaPath('organization') },
  fields: stepFields(allFields(storeSave)),
};
actions.upsertProducts = {
  main: './dist/lib/actions/upsertProducts.js',
  title: 'Upsert products',
  description: 'Master Data management: creates or replaces one product, or many in `products`, by code, in batches of 100. Prices in cents.',
  metadata: { in: schemaPath('batchSyncProduct.in'), out: schemaPath('productsOut') },
  fields: { ...common },
};

const polling = (extra: Json): Json => ({
  ...extra,
  startTime: text('Start time', 'ISO 8601 or epoch ms: where the first run begins (default: the beginning)', '2026-01-01T00:00:00Z'),
  endTime: text('End time', 'ISO 8601 or epoch ms: never read past this', '2026-12-31T23:59:59Z'),
  pageSize: text('Page size', 'Records per request, at most 100', '100'),
  singlePagePerInterval: {
    label: 'One page per run',
    required: false,
    viewClass: 'CheckBox',
    note: 'Read one page per polling interval',
    placeholder: 'false',
  },
  resetSnapshot: {
    label: 'Reset snapshot (start over)',
    required: false,
    viewClass: 'CheckBox',
    note: 'The next run ignores the stored snapshot and starts at startTime; later runs continue from there. Switch off and on again to reset again',
    placeholder: 'false',
  },
  ...common,
});

const component = {
  title: 'SocialHub',
  description: 'SocialHub.AI customer data and loyalty platform (system OpenAPI): members, consumers, events, orders, points and master data.',
  credentials: {
    fields: {
      appId: text('App ID', 'The appId of your SocialHub OpenAPI application', 'your-app-id', true),
      appSecret: {
        label: 'App secret',
        required: true,
        viewClass: 'PasswordFieldView',
        note: 'The appSecret that goes with the App ID; it is only sent to obtain tokens',
      },
      baseUrl: text(
        'Base URL',
        'Your SocialHub OpenAPI address; default https://s1.socialhub.ai/openapi-prod',
        'https://s1.socialhub.ai/openapi-prod',
      ),
      allowInsecureHttp: {
        label: 'Allow plain http://',
        required: false,
        viewClass: 'CheckBox',
        note: 'Only for a Base URL on a trusted network: credentials would travel unencrypted (loopback addresses never need it)',
        placeholder: 'false',
      },
    },
  },
  triggers: {
    getPointsRecordsPolling: {
      main: './dist/lib/triggers/getPointsRecordsPolling.js',
      type: 'polling',
      title: 'New points movements',
      description: 'Points management: polls the new and changed points records of one points account (beginDate from the snapshot).',
      metadata: { in: schemaPath('tick.in'), out: schemaPath('pointsMovement') },
      fields: polling({
        accountCode: text('Points account code', 'The points account to watch (see Get points account)', 'PA00001', true),
        status: select(OPERATION_LIST.find((o) => o.id === 'getPointsRecords')!.queryFields!.find((f) => f.name === 'status')!),
      }),
    },
    getTransactionsPolling: {
      main: './dist/lib/triggers/getTransactionsPolling.js',
      type: 'polling',
      title: 'New transactions (orders)',
      description: 'Order management: polls the new and changed transactions of one consumer (beginDate/endDate) and emits them as orders.',
      metadata: { in: schemaPath('tick.in'), out: schemaPath('order') },
      fields: polling({
        consumerCode: text('Consumer code', 'The consumer whose transactions to watch', 'C00001', true),
        timeZone: text(
          'Time zone',
          'The zone SocialHub writes order times in ("yyyy-MM-dd HH:mm:ss", no zone): an offset such as +08:00 or a name such as Asia/Shanghai; default UTC',
          '+08:00',
        ),
      }),
    },
  },
  actions,
};

write('lib/schemas/person.json', person);
write('lib/schemas/organization.json', organization);
write('lib/schemas/order.json', order);
write('lib/schemas/pointsMovement.json', pointsMovement);
write('lib/schemas/consumerEvent.json', consumerEventIn);
write('lib/schemas/importReport.json', importReport);
write('lib/schemas/productsOut.json', productsOut);
write('component.json', component);
