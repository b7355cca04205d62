import { Config, createContext, finishWithError } from '../component/context';
import { ActionContext, runAction } from '../component/action';
import type { ProcessFunction } from '../component/trigger';
import type { RuntimeSelf } from '../messages/emitter';
import type { OihMessage } from '../messages/message';
import type { Page } from '../paging/paginate';
import type { FieldSet, Settings } from './fields';
import type { ProviderDescription } from './provider';
import { RecordMeta, RecordsMeta, emitAll, recordMessage } from './records';
import { StepContext, openStep } from './step';
import { shutdownOf } from './verify';
import type { DescribedStream } from './stream';
import { readSettings } from './fields';
import { Transformer } from '../transform/transformer';
import { now } from '../util/timing';

/** What an action's `run` gets besides the step context. */
export interface ActionRun<Client, S> extends StepContext<Client, S> {
  input: OihMessage<Record<string, unknown>>;
  /** The built-in input mapping (or the flow's custom one). */
  transformer: Transformer;
  /** The built-in output mapping (or the flow's custom one when the action has no input mapping). */
  output: Transformer;
  /** Emits one provider record through the output mapping (a tombstone when `deleted`). */
  emitRecord: (raw: unknown, meta: RecordMeta) => Promise<void>;
  /** Emits every record of pages or a list, like a trigger's run would; returns the count. */
  emitRecords: <Raw>(source: AsyncIterable<Page<Raw>> | Iterable<Raw>, meta: RecordsMeta<Raw>) => Promise<number>;
  /**
   * Emits every record of one of the component's streams, read whole (or changed since `since`)
   * with the stream's own reader and mapping, as its trigger would on a first run without a
   * snapshot. The stream's fields are read from the action's values. Returns the count.
   */
  emitStream: (stream: DescribedStream, options?: { since?: number }) => Promise<number>;
}

/** An action, described. Its file is `lib/actions/<id>.ts` and exports what `describeAction` returns. */
export interface ActionDescription<Client, F extends FieldSet> {
  id: string;
  title: string;
  description: string;
  /**
   * In- and out-schema: a path relative to the component folder, or a schema the generator writes
   * to `lib/schemas/<id>.in.json` / `.out.json`. Without `in` the generator writes one from the
   * fields (`fieldsFromMessage`).
   */
  in?: string | Record<string, unknown>;
  out: string | Record<string, unknown>;
  fields: F;
  /** The message's `data` may give the fields too, and wins over the step's configuration (an empty value in the message does not). */
  fieldsFromMessage?: boolean;
  /** Built-in JSONata mapping of the input (e.g. OIH Person → provider record). */
  mapping?: string;
  /** Built-in JSONata mapping of the provider records the action emits. */
  outputMapping?: string;
  run(step: ActionRun<Client, Settings<F>>): Promise<void>;
}

export interface DescribedAction {
  process: ProcessFunction;
  shutdown?: (this: unknown, cfg: Config) => Promise<void>;
  description: ActionDescription<unknown, FieldSet>;
}

/** The runtime entry of a described action: input read, mappings compiled, fields checked before any request. */
export function describeAction<Creds extends FieldSet, Client, F extends FieldSet>(
  provider: ProviderDescription<Creds, Client>,
  description: ActionDescription<Client, F>,
): DescribedAction {
  async function processAction(this: RuntimeSelf, msg: unknown, cfg: Config): Promise<void> {
    const ctx = createContext(this, cfg ?? {}, description.id);
    try {
      await runAction<Config>(
        { name: description.id, mapping: description.mapping, outputMapping: description.outputMapping, run: (actionCtx) => run(actionCtx) },
        ctx,
        msg,
      );
    } catch (error) {
      await finishWithError(ctx, error);
    }
    async function run(actionCtx: ActionContext<Config>): Promise<void> {
      const values = description.fieldsFromMessage ? messageOverCfg(actionCtx.cfg, actionCtx.input.data) : actionCtx.cfg;
      const step = openStep(provider, description.fields, actionCtx, values);
      const emitRecord = async (raw: unknown, meta: RecordMeta) =>
        actionCtx.emitter.data(await recordMessage(raw, meta, step.applicationUid, actionCtx.output));
      await description.run(
        Object.assign(step, {
          input: actionCtx.input,
          transformer: actionCtx.transformer,
          output: actionCtx.output,
          emitRecord,
          emitRecords: <Raw>(source: AsyncIterable<Page<Raw>> | Iterable<Raw>, meta: RecordsMeta<Raw>) => emitAll(source, meta, emitRecord),
          emitStream: (stream: DescribedStream, options: { since?: number } = {}) =>
            emitWholeStream(stream, { ...step, cfg: actionCtx.cfg }, values, options.since),
        }),
      );
    }
  }
  return {
    process: processAction,
    ...(provider.shutdown ? { shutdown: shutdownOf(provider) } : {}),
    description,
  };
}

/** A stream read whole through its own reader and mapping, every record emitted (see `ActionRun.emitStream`). */
async function emitWholeStream(
  stream: DescribedStream,
  step: StepContext<unknown, unknown>,
  values: Config,
  since: number | undefined,
): Promise<number> {
  const d = stream.description;
  const settings = readSettings(d.fields, values);
  const transformer = new Transformer(d.mapping, step.cfg, undefined, d.mappingBindings?.(settings));
  const reader = await d.read({ ...step, client: step.client, settings });
  const window = { since: since ?? 0, until: now(), pageSize: d.pageSize.max, stored: {} };
  const timed = d.changes !== 'fingerprint';
  return emitAll(
    reader.pages(window),
    {
      id: reader.id,
      idField: reader.idField,
      isDeleted: reader.isDeleted,
      changedAt: timed ? reader.cursor : undefined,
      since: timed ? since : undefined,
    },
    async (raw, meta) => step.emitter.data(await recordMessage(raw, meta, step.applicationUid, transformer)),
  );
}

/** The step's fields with the message's non-empty values over them. */
function messageOverCfg(cfg: Config, data: Record<string, unknown>): Config {
  const merged: Config = { ...cfg };
  for (const [key, value] of Object.entries(data)) if (value !== undefined && value !== null && value !== '') merged[key] = value;
  return merged;
}
