import type { RuntimeSelf } from '../messages/emitter';
import { OihMessage, readInput } from '../messages/message';
import { Transformer, TransformSettings } from '../transform/transformer';
import { ComponentContext, Config, createContext, finishWithError } from './context';
import type { ProcessFunction } from './trigger';

export interface ActionContext<Cfg extends Config> extends ComponentContext<Cfg> {
  /** The incoming message as `{metadata, data}`, whichever runtime delivered it. */
  input: OihMessage<Record<string, unknown>>;
  /** The action's built-in input mapping, or the flow's custom one, or none. */
  transformer: Transformer;
  /** The built-in mapping of what the action emits (`outputMapping`), or the flow's custom one for actions without an input mapping. */
  output: Transformer;
}

export interface ActionSpec<Cfg extends Config> {
  name: string;
  /** Built-in JSONata mapping applied to the input (e.g. OIH Person → provider record). */
  mapping?: string;
  /**
   * Built-in JSONata mapping of the provider record the action emits (e.g. a looked-up receiver →
   * OIH Person). The flow's `customMapping` applies to the input mapping when the action has one,
   * else to this one; `skipTransformation` skips both (an upsert then emits the provider's record as is).
   */
  outputMapping?: string;
  run(ctx: ActionContext<Cfg>): Promise<void>;
}

/** Declares an action; the kit reads the input, compiles mappings first and handles errors and rebounds. */
export function defineAction<Cfg extends Config>(spec: ActionSpec<Cfg>): { process: ProcessFunction; spec: typeof spec } {
  async function processAction(this: RuntimeSelf, msg: unknown, cfg: Config): Promise<void> {
    const ctx = createContext(this, (cfg ?? {}) as Cfg, spec.name);
    try {
      await runAction(spec, ctx, msg);
    } catch (error) {
      await finishWithError(ctx, error);
    }
  }
  return { process: processAction, spec };
}

export async function runAction<Cfg extends Config>(spec: ActionSpec<Cfg>, ctx: ComponentContext<Cfg>, msg: unknown): Promise<void> {
  // Both are compiled before anything is sent, so a broken customMapping fails first.
  const settings = ctx.cfg as TransformSettings;
  const transformer = new Transformer(spec.mapping, spec.mapping || !spec.outputMapping ? settings : {});
  // With both mappings the flow's customMapping belongs to the input; skipTransformation to both sides.
  const outputSettings = spec.mapping ? { skipTransformation: settings.skipTransformation } : settings;
  const output = new Transformer(spec.outputMapping, outputSettings, 'built-in output mapping');
  await spec.run({ ...ctx, input: readInput(msg), transformer, output });
}
