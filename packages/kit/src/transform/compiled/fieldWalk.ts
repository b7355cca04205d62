/**
 * `a.b.c` or `$v.b.c` over objects: while no array is met, JSONata's path rules come down to
 * reading one field after another (nothing where a value is not an object). The walk returns
 * GENERAL when it meets an array (or a function value) on the way, so the sequence rules apply
 * from the start.
 *
 * A path relative to the context (no `$v` head) depends on nothing but the context value, and the
 * evaluator never changes its input: within one evaluation the same path over the same context
 * has the same value. The built-in mappings test a field several times before they use it
 * (`p = p & "" and p >= "!" ? p`) and read many fields of one object (`attributes.x`,
 * `attributes.y`), so such walks are shared by path text, prefix by prefix, and each keeps the
 * value it read last with the context and the evaluation it read it in. `newEvaluation()` starts
 * an evaluation (and is called again after a native function, which could change anything).
 */
import { AstNode, Compile } from './ast';
import { Frame } from './frame';
import { Sequence, isFunction } from './values';

/** What the walk returns when the general path rules decide. */
export const GENERAL = Symbol('general path rules');

export type FieldWalk = (input: unknown, frame: Frame) => unknown;

let evaluation = 0;

/** Values read before now are not reused. */
export function newEvaluation(): void {
  evaluation += 1;
}

/** One field read, as JSONata's step reads it from one object; GENERAL on an array or a function. */
function readField(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value) || isFunction(value)) return GENERAL;
  return Object.prototype.hasOwnProperty.call(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

/** The value at one path prefix, with the context and evaluation it was read for. */
class CachedField {
  private context: unknown = GENERAL;
  private readIn = -1;
  private value: unknown;

  constructor(
    private readonly parent: CachedField | undefined,
    private readonly key: string,
  ) {}

  read(context: unknown): unknown {
    if (context === this.context && this.readIn === evaluation) return this.value;
    const from = this.parent ? this.parent.read(context) : context;
    const value = from === GENERAL ? GENERAL : readField(from, this.key);
    this.context = context;
    this.readIn = evaluation;
    this.value = value;
    return value;
  }
}

/** Shared by path text: `attributes.phone` and `attributes.name` share `attributes`. */
const fields = new Map<string, CachedField>();

function cachedField(keys: string[]): CachedField {
  let field: CachedField | undefined;
  let text = '';
  for (const key of keys) {
    text += `${text ? '.' : ''}${JSON.stringify(key)}`;
    let next = fields.get(text);
    if (!next) {
      next = new CachedField(field, key);
      fields.set(text, next);
    }
    field = next;
  }
  return field as CachedField;
}

const plainStep = (step: AstNode): boolean => !step.stages?.length && !step.predicate?.length && !step.tuple;

/** One object after another, the last step gives one value: an array that is not a sequence is the path's value itself. */
function finish(value: unknown): unknown {
  return Array.isArray(value) && (value as Sequence).sequence === true ? GENERAL : value;
}

export function compileFieldWalk(steps: AstNode[], compile: Compile): FieldWalk | undefined {
  const head = steps[0].type === 'variable' && plainStep(steps[0]) ? compile(steps[0]) : undefined;
  const names = head ? steps.slice(1) : steps;
  if (!names.every((step) => step.type === 'name' && plainStep(step))) return undefined;
  const keys = names.map((step) => String(step.value));
  if (!head) {
    const field = cachedField(keys);
    return (input) => finish(field.read(input));
  }
  return (input, frame) => {
    let value: unknown = head(input, frame);
    for (const key of keys) {
      value = readField(value, key);
      if (value === GENERAL) return GENERAL;
    }
    return finish(value);
  };
}
