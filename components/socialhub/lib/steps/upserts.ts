import {
  ActionContext,
  Config,
  ConfigurationError,
  OihMessage,
  ProviderError,
  Transformer,
  compileExpression,
  Values,
  oihMessage,
  readOperationItems,
  readRecordUid,
} from '@oih-suite/kit';
import type { SocialHubClient } from '../client';
import { OPERATIONS } from '../operations/table';
import { consumerToPerson } from '../mappings/consumerToPerson';
import { storeToOrganization } from '../mappings/storeToOrganization';
import { applicationUid, clientFor } from './context';

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
export async function upsertConsumer(ctx: ActionContext<Config>): Promise<void> {
  const recordUid = readRecordUid(ctx.input.metadata.recordUid);
  const mapped = await ctx.transformer.apply<Values>(ctx.input);
  const consumer = mapped.data ?? {};
  const client = clientFor(ctx);
  // A recordUid stamped by another application (the previous step of a flow) is that
  // application's id, never a consumer code: only our own (or an unlabelled one) names a consumer.
  const from = ctx.input.metadata.applicationUid;
  const ours = !isSet(from) || from === applicationUid(ctx.cfg);
  let code = ours ? recordUid : undefined;
  let how: 'updated' | 'created' = 'updated';
  if (!code) {
    if (!isSet(consumer.mobilePhone) && !isSet(consumer.email))
      throw new ConfigurationError('contactData', 'a mobile phone or an e-mail is needed to find or create the consumer');
    const found = await findConsumers(client, consumer, ctx.cfg);
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
    result = (await client.run<Values | null>('updateConsumer', { ...updatable(consumer), consumerCode: code }, ctx.cfg)) ?? {};
  } else {
    how = 'created';
    result = (await client.run<Values | null>('createConsumer', consumer, ctx.cfg)) ?? {};
    // createConsumer has no address fields: a second call puts them on the new consumer.
    const extra = Object.fromEntries(CREATE_LACKS.filter((k) => isSet(consumer[k])).map((k) => [k, consumer[k]]));
    if (Object.keys(extra).length && isSet(result.consumerCode)) {
      result = {
        ...result,
        ...((await client.run<Values | null>('updateConsumer', { ...extra, consumerCode: result.consumerCode }, ctx.cfg)) ?? {}),
      };
    }
  }
  const stored: Values = { ...consumer, ...result, consumerCode: result.consumerCode ?? code };
  ctx.log.info(`Consumer ${how}`, { recordUid: stored.consumerCode });
  await emitMapped(ctx, consumerToPerson, stored, String(stored.consumerCode), mapped);
}

/** OIH Organization in: saveStore is an upsert by organizationCode. Emits the Organization. */
export async function upsertStore(ctx: ActionContext<Config>): Promise<void> {
  readRecordUid(ctx.input.metadata.recordUid); // the store code; an object or array is an error before anything is sent
  const mapped = await ctx.transformer.apply<Values>(ctx.input);
  const store = mapped.data ?? {};
  const result = (await clientFor(ctx).run<Values | null>('saveStore', store, ctx.cfg)) ?? {};
  const stored = { ...store, ...result };
  await emitMapped(ctx, storeToOrganization, stored, String(stored.organizationCode), mapped);
}

/**
 * Products in (one, or `products`): batchSyncProduct in batches of 100, an upsert by code. The
 * whole list is checked before the first batch goes out: an invalid product stops everything and
 * is named by its index in the whole list, never a partial send followed by an error.
 */
export async function upsertProducts(ctx: ActionContext<Config>): Promise<void> {
  const mapped = await ctx.transformer.apply<Values>(ctx.input);
  const data = mapped.data ?? {};
  const list = Array.isArray(data.products) ? (data.products as unknown[]) : [data];
  const op = OPERATIONS.batchSyncProduct;
  const field = op.bodyFields![0];
  const products = readOperationItems(field.items!, list, 'products', ctx.cfg);
  const perCall = field.maxItems ?? products.length;
  const client = clientFor(ctx);
  let batches = 0;
  for (let start = 0; start < products.length; start += perCall) {
    const batch = products.slice(start, start + perCall);
    await client.send({ method: op.method, url: op.path, json: batch, idempotent: op.idempotent ?? false, recordId: String(batch[0].code) });
    batches += 1;
  }
  const codes = products.map((p) => String(p.code));
  await ctx.emitter.data(
    oihMessage({ synced: products.length, batches, codes }, { oihUid: mapped.metadata.oihUid, applicationUid: applicationUid(ctx.cfg) }),
  );
}

/** The provider record, mapped back to the OIH model unless the flow skips transformations. */
async function emitMapped(ctx: ActionContext<Config>, mapping: string, record: Values, recordUid: string, input: OihMessage<Values>): Promise<void> {
  const metadata = { oihUid: input.metadata.oihUid, recordUid, applicationUid: applicationUid(ctx.cfg) };
  const skip = new Transformer(undefined, ctx.cfg).mode === 'skip';
  const data = skip ? record : ((await compileExpression(mapping, 'output mapping').evaluate(record)) as Values);
  await ctx.emitter.data(oihMessage(JSON.parse(JSON.stringify(data)) as Values, metadata));
}
