import { ActionRun, Config, ConfigurationError, ProviderError, Values, oihMessage, readOperationItems, readRecordUid } from '@oih-suite/kit';
import type { SocialHubClient } from '../client';
import { OPERATIONS } from '../operations/table';

/** What an upsert gets: the described action's step (typed client, input, mappings, emitters). */
type UpsertStep = ActionRun<SocialHubClient, unknown>;

/** Person fields that only updateConsumer accepts. */
const CREATE_LACKS = ['address', 'postelCode'];

const isSet = (v: unknown): boolean => v !== undefined && v !== null && v !== '';

/** Keeps the consumers found by phone and by e-mail, once each. */
function distinctConsumers(lists: unknown[][]): Values[] {
  const byCode = new Map<string, Values>();
  for (const item of lists.flat()) {
    const consumer = item as Values;
    byCode.set(String(consumer.consumerCode), consumer);
  }
  return [...byCode.values()];
}

async function findConsumers(client: SocialHubClient, consumer: Values, cfg: Config): Promise<Values[]> {
  const lists: unknown[][] = [];
  const asList = (data: unknown): unknown[] => (Array.isArray(data) ? data : data ? [data] : []);
  if (isSet(consumer.mobilePhone)) {
    const query = { type: 1, query: consumer.mobilePhone, phonePrefCode: consumer.phonePrefCode };
    lists.push(asList(await client.run('queryConsumer', query, cfg)));
  }
  if (isSet(consumer.email)) lists.push(asList(await client.run('queryConsumer', { type: 2, query: consumer.email }, cfg)));
  return distinctConsumers(lists);
}

/** The fields updateConsumer takes (it cannot change the phone number, which identifies the consumer). */
function updatable(consumer: Values): Values {
  const { mobilePhone: _phone, phonePrefCode: _prefix, sourceCode: _source, organizationCode: _org, ...rest } = consumer;
  return rest;
}

/**
 * OIH Person in: update by metadata.recordUid (when it is SocialHub's); else find by mobile phone, then e-mail (more
 * than one consumer is an error: the flow must decide); else create. Emits the Person as
 * SocialHub now holds it, with the consumer code as recordUid.
 */
export async function upsertConsumer(step: UpsertStep): Promise<void> {
  const recordUid = readRecordUid(step.input.metadata.recordUid);
  const mapped = await step.transformer.apply<Values>(step.input);
  const consumer = mapped.data ?? {};
  const { client, cfg } = step;
  // A recordUid stamped by another application (the previous step of a flow) is that
  // application's id, never a consumer code: only our own (or an unlabelled one) names a consumer.
  const from = step.input.metadata.applicationUid;
  const ours = !isSet(from) || from === step.applicationUid;
  let code = ours ? recordUid : undefined;
  let how: 'updated' | 'created' = 'updated';
  if (!code) {
    if (!isSet(consumer.mobilePhone) && !isSet(consumer.email))
      throw new ConfigurationError('contactData', 'a mobile phone or an e-mail is needed to find or create the consumer');
    const found = await findConsumers(client, consumer, cfg);
    if (found.length > 1) {
      const codes = found.map((c) => c.consumerCode).join(', ');
      throw new ProviderError(
        `More than one SocialHub consumer matches this person's phone or e-mail (${codes}); refusing to guess which to update`,
        {
          providerCode: 'AMBIGUOUS_MATCH',
        },
      );
    }
    code = found.length === 1 ? String(found[0].consumerCode) : undefined;
  }
  let result: Values;
  if (code) {
    result = (await client.run<Values | null>('updateConsumer', { ...updatable(consumer), consumerCode: code }, cfg)) ?? {};
  } else {
    how = 'created';
    result = (await client.run<Values | null>('createConsumer', consumer, cfg)) ?? {};
    // createConsumer has no address fields: a second call puts them on the new consumer.
    const extra = Object.fromEntries(CREATE_LACKS.filter((k) => isSet(consumer[k])).map((k) => [k, consumer[k]]));
    if (Object.keys(extra).length && isSet(result.consumerCode)) {
      result = {
        ...result,
        ...((await client.run<Values | null>('updateConsumer', { ...extra, consumerCode: result.consumerCode }, cfg)) ?? {}),
      };
    }
  }
  const stored: Values = { ...consumer, ...result, consumerCode: result.consumerCode ?? code };
  step.log.info(`Consumer ${how}`, { recordUid: stored.consumerCode });
  // Mapped back to the OIH Person (consumerToPerson) unless the flow skips transformations.
  await step.emitRecord(stored, { id: String(stored.consumerCode), idField: 'consumerCode', oihUid: mapped.metadata.oihUid });
}

/** OIH Organization in: saveStore is an upsert by organizationCode. Emits the Organization. */
export async function upsertStore(step: UpsertStep): Promise<void> {
  readRecordUid(step.input.metadata.recordUid); // the store code; an object or array is an error before anything is sent
  const mapped = await step.transformer.apply<Values>(step.input);
  const store = mapped.data ?? {};
  const result = (await step.client.run<Values | null>('saveStore', store, step.cfg)) ?? {};
  const stored = { ...store, ...result };
  // Mapped back to the OIH Organization (storeToOrganization) unless the flow skips transformations.
  await step.emitRecord(stored, { id: String(stored.organizationCode), idField: 'organizationCode', oihUid: mapped.metadata.oihUid });
}

/**
 * Products in (one, or `products`): batchSyncProduct in batches of 100, an upsert by code. The
 * whole list is checked before the first batch goes out: an invalid product stops everything and
 * is named by its index in the whole list, never a partial send followed by an error.
 */
export async function upsertProducts(step: UpsertStep): Promise<void> {
  const mapped = await step.transformer.apply<Values>(step.input);
  const data = mapped.data ?? {};
  const list = Array.isArray(data.products) ? (data.products as unknown[]) : [data];
  const op = OPERATIONS.batchSyncProduct;
  const field = op.bodyFields![0];
  const products = readOperationItems(field.items!, list, 'products', step.cfg);
  const perCall = field.maxItems ?? products.length;
  const { client } = step;
  let batches = 0;
  for (let start = 0; start < products.length; start += perCall) {
    const batch = products.slice(start, start + perCall);
    await client.send({ method: op.method, url: op.path, json: batch, idempotent: op.idempotent ?? false, recordId: String(batch[0].code) });
    batches += 1;
  }
  const codes = products.map((p) => String(p.code));
  // A report, not a record: emitted as it is, with the step's applicationUid.
  const report = { synced: products.length, batches, codes };
  await step.emitter.data(oihMessage(report, { oihUid: mapped.metadata.oihUid, applicationUid: step.applicationUid }));
}
