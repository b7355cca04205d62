import { ConnectorError } from '../errors';
import type { OihMessage } from '../messages/message';
import { CompiledExpression, compileExpression } from './compile';
import { CompiledMapping, NeedsInterpreter, UnsupportedExpression, compileMapping } from './compiled';
import { DEFAULT_MAPPING_LIMITS, MappingLimits, limitError, readMappingLimits } from './limits';
import { toPlainJson } from './plainJson';
import { readMappedParts } from './shape';

export { toPlainJson };

/** The flow's transformation switches (ferryman convention). */
export interface TransformSettings {
  /** Pass the record through as the provider returned it. */
  skipTransformation?: boolean;
  /** A JSONata expression over the whole `{metadata, data}` message; replaces the built-in mapping. */
  customMapping?: string;
  /** Time limit of one customMapping evaluation in ms (default 1000). */
  customMappingTimeoutMs?: number | string;
  /** Nesting limit of one customMapping evaluation, in JSONata evaluation steps (default 500). */
  customMappingMaxDepth?: number | string;
}

/**
 * Applies the built-in mapping, or the flow's custom mapping, or nothing. Expressions are
 * compiled when the transformer is created, so a bad expression fails before anything is sent.
 */
export class Transformer {
  private readonly builtIn?: CompiledExpression;
  /** The built-in mapping as synchronous closures (see compiled/); undefined when it uses something they do not cover. */
  private readonly builtInCompiled?: CompiledMapping;
  /** Why the built-in mapping runs on jsonata instead of the compiled form, if it does. */
  readonly builtInFallbackReason?: string;
  private readonly custom?: CompiledExpression;
  private readonly limits: MappingLimits = DEFAULT_MAPPING_LIMITS;
  private readonly skip: boolean;

  /**
   * @param builtInBindings what the built-in mapping may use besides `$metadata` (a custom mapping
   *   sees only the message: it is the flow's own expression).
   */
  constructor(
    builtInExpression: string | undefined,
    settings: TransformSettings,
    builtInName = 'built-in mapping',
    private readonly builtInBindings: Record<string, unknown> = {},
  ) {
    this.skip = settings.skipTransformation === true || String(settings.skipTransformation) === 'true';
    const custom = typeof settings.customMapping === 'string' ? settings.customMapping.trim() : '';
    if (!this.skip && custom) {
      this.limits = readMappingLimits(settings as Record<string, unknown>);
      this.custom = compileExpression(custom, 'customMapping', { timeout: this.limits.timeoutMs, stack: this.limits.maxDepth });
    }
    if (builtInExpression) {
      this.builtIn = compileExpression(builtInExpression, builtInName);
      const compiled = compileBuiltIn(builtInExpression);
      if (typeof compiled === 'string') this.builtInFallbackReason = compiled;
      else this.builtInCompiled = compiled;
    }
  }

  get mode(): 'skip' | 'custom' | 'built-in' | 'none' {
    if (this.skip) return 'skip';
    if (this.custom) return 'custom';
    return this.builtIn ? 'built-in' : 'none';
  }

  async apply<T = unknown>(message: OihMessage): Promise<OihMessage<T>> {
    const done = this.applyNow<T>(message);
    if (done) return done;
    if (this.custom) return this.applyCustom<T>(this.custom, message);
    const bindings = { ...this.builtInBindings, metadata: message.metadata };
    const data = await evaluate(this.builtIn as CompiledExpression, message.data, 'built-in mapping', message.metadata.recordUid, bindings);
    return { metadata: message.metadata, data: data as T };
  }

  /**
   * `apply` without a promise where the result is at hand (skipped, no mapping, a built-in mapping
   * run compiled); undefined where jsonata has to run (a customMapping, a built-in mapping or
   * record the compiled form does not cover): call `apply` then. Saves a sync a promise and a
   * turn of the event loop per record. Throws what `apply` rejects with.
   */
  applyNow<T = unknown>(message: OihMessage): OihMessage<T> | undefined {
    if (this.skip) return message as OihMessage<T>;
    if (this.custom) return undefined;
    if (!this.builtIn) return message as OihMessage<T>;
    if (!this.builtInCompiled) return undefined;
    const recordId = message.metadata.recordUid;
    let result: { json: unknown } | undefined;
    try {
      result = this.builtInCompiled.evaluateJson(message.data, { ...this.builtInBindings, metadata: message.metadata });
    } catch (error) {
      if (error instanceof NeedsInterpreter) return undefined;
      throw evaluationError(error, 'built-in mapping', recordId);
    }
    if (result === undefined) throw nothingProduced('built-in mapping', recordId);
    return { metadata: message.metadata, data: result.json as T }; // plain JSON already (compiled/built.ts)
  }

  /** The flow's own expression: limited in time and depth, and held to the shape of a message. */
  private async applyCustom<T>(expression: CompiledExpression, message: OihMessage): Promise<OihMessage<T>> {
    const recordId = message.metadata.recordUid;
    let result: unknown;
    try {
      result = await expression.evaluate(message);
    } catch (error) {
      throw limitError(error, this.limits, recordId) ?? evaluationError(error, 'customMapping', recordId);
    }
    const parts = readMappedParts(result, recordId);
    const data = toPlainJson(parts.data) as T;
    if (!parts.metadata) return { metadata: message.metadata, data };
    return { metadata: { ...message.metadata, ...(toPlainJson(parts.metadata) as OihMessage['metadata']) }, data };
  }
}

const compiledBuiltIns = new Map<string, CompiledMapping | string>();

/** The compiled form of a built-in mapping, or the reason it stays on jsonata (once per process). */
function compileBuiltIn(expression: string): CompiledMapping | string {
  let compiled = compiledBuiltIns.get(expression);
  if (compiled === undefined) {
    try {
      compiled = compileMapping(expression);
    } catch (error) {
      if (!(error instanceof UnsupportedExpression)) throw error;
      compiled = error.reason;
    }
    compiledBuiltIns.set(expression, compiled);
  }
  return compiled;
}

async function evaluate(
  expression: CompiledExpression,
  input: unknown,
  what: string,
  recordId?: string,
  bindings?: Record<string, unknown>,
): Promise<unknown> {
  let result: unknown;
  try {
    result = await expression.evaluate(input, bindings);
  } catch (error) {
    throw evaluationError(error, what, recordId);
  }
  if (result === undefined) throw nothingProduced(what, recordId);
  return toPlainJson(result);
}

function nothingProduced(what: string, recordId?: string): ConnectorError {
  return new ConnectorError(`${what} produced nothing${recordId ? ` for record ${recordId}` : ''}; the expression must return an object`, {
    recordId,
  });
}

function evaluationError(error: unknown, what: string, recordId?: string): ConnectorError {
  const e = error as { message?: string } | null;
  return new ConnectorError(`${what} failed${recordId ? ` for record ${recordId}` : ''}: ${e?.message ?? String(error)}`, {
    recordId,
    field: what === 'customMapping' ? what : undefined,
  });
}
