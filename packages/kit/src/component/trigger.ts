import { oihMessage } from '../messages/message';
import type { RuntimeSelf } from '../messages/emitter';
import { PollingResult, PollingSource, runPolling } from '../polling/engine';
import { Transformer } from '../transform/transformer';
import { ComponentContext, Config, createContext, finishWithError } from './context';
import { readPollingSettings } from './settings';

export interface PollingTriggerSpec<Cfg extends Config, Raw> {
  /** The trigger id in component.json. */
  name: string;
  /** `metadata.applicationUid` of every message (overridable by `cfg.applicationUid`). */
  applicationUid: string;
  /** Builds the provider source for this run: the place for validation and lookups. */
  source(ctx: ComponentContext<Cfg>): Promise<PollingSource<Raw>> | PollingSource<Raw>;
  /** The record's modification time in epoch ms; `cfg` is the step's configuration. */
  cursor(raw: Raw, cfg: Cfg): number | undefined;
  /**
   * The record's id at the provider (`metadata.recordUid`): return the field's value as it is
   * (text or number); the engine refuses a missing, empty or structured one, naming `idField`.
   * Where an API does not document its id field, `firstPresent(record, candidates)` reads it.
   */
  id(raw: Raw, cfg: Cfg): unknown;
  /** The field(s) `id` reads, for errors (default "id"). */
  idField?: string;
  isDeleted?: (raw: Raw) => boolean;
  /** Built-in JSONata mapping from the raw record to the emitted data. */
  mapping?: string;
  /** Values and functions the built-in mapping may use as `$name`, from the step's configuration. */
  mappingBindings?(cfg: Cfg): Record<string, unknown>;
  pageSize: { fallback: number; max: number };
  granularityMs?: number;
}

/** The `process` sailor and ferryman call: `(msg, cfg, snapshot, headers?, tokenData?)`. */
export type ProcessFunction = (this: RuntimeSelf, msg: unknown, cfg: Config, snapshot?: unknown, ...rest: unknown[]) => Promise<void>;

/** Declares a polling trigger; the kit does the paging, cursor, snapshot, mapping and errors. */
export function definePollingTrigger<Cfg extends Config, Raw>(spec: PollingTriggerSpec<Cfg, Raw>): { process: ProcessFunction; spec: typeof spec } {
  async function processTrigger(this: RuntimeSelf, _msg: unknown, cfg: Config, snapshot?: unknown): Promise<void> {
    const ctx = createContext(this, (cfg ?? {}) as Cfg, spec.name);
    try {
      await pollOnce(spec, ctx, snapshot);
    } catch (error) {
      await finishWithError(ctx, error, 'trigger');
    }
  }
  return { process: processTrigger, spec };
}

/** One run of a trigger with a prepared context (used by the runtime entry and the local runner). */
export async function pollOnce<Cfg extends Config, Raw>(
  spec: PollingTriggerSpec<Cfg, Raw>,
  ctx: ComponentContext<Cfg>,
  snapshot: unknown,
): Promise<PollingResult> {
  const settings = readPollingSettings(ctx.cfg, spec.pageSize);
  const transformer = new Transformer(spec.mapping, ctx.cfg, undefined, spec.mappingBindings?.(ctx.cfg));
  const applicationUid = typeof ctx.cfg.applicationUid === 'string' && ctx.cfg.applicationUid ? ctx.cfg.applicationUid : spec.applicationUid;
  const source = await spec.source(ctx);
  return runPolling({
    source,
    settings,
    snapshot,
    cursor: (raw) => spec.cursor(raw, ctx.cfg),
    id: (raw) => spec.id(raw, ctx.cfg),
    idField: spec.idField,
    isDeleted: spec.isDeleted,
    applicationUid,
    granularityMs: spec.granularityMs,
    log: ctx.log,
    toMessage: (raw, recordUid) => {
      const message = oihMessage(raw, { recordUid, applicationUid });
      return transformer.applyNow(message) ?? transformer.apply(message);
    },
    emitData: (message) => ctx.emitter.data(message),
    emitSnapshot: (s) => ctx.emitter.snapshot(s),
  });
}
