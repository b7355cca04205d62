/**
 * Location paths (`a.b[c].d`, `x#$i.{…}`) and filters with JSONata's sequence rules: every step
 * maps over the current sequence and flattens one level (an array constructor's result excepted),
 * a last step that yields exactly one array returns that array itself, an empty step ends the path.
 */
import { AstNode, Compile, Evaluate } from './ast';
import { GENERAL, compileFieldWalk } from './fieldWalk';
import { Frame } from './frame';
import { UnsupportedExpression } from './unsupportedExpression';
import { Sequence, createSequence, isArrayOfNumbers, isNumeric, isSequence, settle, toBoolean } from './values';

export type Filter = (input: unknown, frame: Frame) => unknown;
type Step = (input: Sequence, frame: Frame) => Sequence;
type Tuple = Record<string, unknown>;
type TupleStep = (input: Sequence, tuples: Tuple[] | undefined, frame: Frame) => Tuple[];

/** `[n]` picks by position (negative from the end); any other predicate keeps items that are truthy or whose position it names. */
export function compileFilter(predicate: AstNode, compile: Compile): Filter {
  if (predicate.type === 'number') {
    const wanted = Math.floor(predicate.value as number);
    return (input) => {
      const items: unknown[] = Array.isArray(input) ? input : createSequence(input);
      const item = items[wanted < 0 ? items.length + wanted : wanted];
      if (item === undefined) return createSequence();
      return Array.isArray(item) ? (item as unknown[]) : createSequence(item);
    };
  }
  const test = compile(predicate);
  return (input, frame) => {
    const items = Array.isArray(input) ? input : createSequence(input);
    const results = createSequence();
    for (let index = 0; index < items.length; index += 1) {
      const item: unknown = items[index];
      let res = test(item, frame);
      if (isNumeric(res)) res = [res];
      if (isArrayOfNumbers(res)) {
        for (const position of res) {
          const at = Math.floor(position);
          if ((at < 0 ? items.length + at : at) === index) results.push(item);
        }
      } else if (toBoolean(res)) results.push(item);
    }
    return results;
  };
}

function compileStages(step: AstNode, compile: Compile): Filter[] {
  return (step.stages ?? []).map((stage) => {
    if (stage.type !== 'filter' || !stage.expr) throw new UnsupportedExpression(`path stage "${stage.type}"`);
    return compileFilter(stage.expr, compile);
  });
}

function compileStep(step: AstNode, last: boolean, compile: Compile): Step {
  const evaluate = compile(step);
  const stages = compileStages(step, compile);
  return (input, frame) => {
    const flat = createSequence();
    let count = 0;
    let only: unknown;
    for (let at = 0; at < input.length; at += 1) {
      let res = evaluate(input[at], frame);
      for (const stage of stages) res = stage(res, frame);
      if (res === undefined) continue;
      count += 1;
      only = res;
      if (!Array.isArray(res) || (res as Sequence).cons) flat.push(res);
      else for (let item = 0; item < res.length; item += 1) flat.push(res[item]);
    }
    // A last step with exactly one result that is an array (not a sequence) gives that array itself.
    if (last && count === 1 && Array.isArray(only) && !isSequence(only)) return only as Sequence;
    return flat;
  };
}

/** A step after a positional binding (`#$i`): a stream of tuples, each carrying the context (`@`) and the bound variables. */
function compileTupleStep(step: AstNode, compile: Compile): TupleStep {
  if (step.stages?.length) throw new UnsupportedExpression('a filter on a step with a positional binding');
  const evaluate = compile(step);
  const index = step.index;
  return (input, tuples, frame) => {
    const stream = tuples ?? input.map((item): Tuple => ({ '@': item }));
    const out: Tuple[] = [];
    for (const tuple of stream) {
      const stepFrame = new Frame(frame);
      for (const key of Object.keys(tuple)) stepFrame.bind(key, tuple[key]);
      const res = evaluate(tuple['@'], stepFrame);
      if (res === undefined) continue;
      const values = Array.isArray(res) ? res : [res];
      for (let position = 0; position < values.length; position += 1) {
        const next: Tuple = { ...tuple, '@': values[position] as unknown };
        if (index !== undefined) next[index] = position;
        out.push(next);
      }
    }
    return out;
  };
}

/** `settled`: the value as the path node gives it (a sequence settled), for a node without filters of its own. */
export function compilePath(node: AstNode, compile: Compile, settled: boolean): Evaluate {
  const steps = node.steps ?? [];
  if (steps.length === 0) throw new UnsupportedExpression('an empty path');
  const general = compileGeneralPath(steps, compile);
  const walk = compileFieldWalk(steps, compile);
  if (!walk) return settled ? (input, frame) => settle(general(input, frame)) : general;
  // The walk's value is never a sequence: settling it changes nothing.
  if (settled) {
    return (input, frame) => {
      const value = walk(input, frame);
      return value === GENERAL ? settle(general(input, frame)) : value;
    };
  }
  return (input, frame) => {
    const value = walk(input, frame);
    return value === GENERAL ? general(input, frame) : value;
  };
}

function compileGeneralPath(steps: AstNode[], compile: Compile): Evaluate {
  const firstTuple = steps.findIndex((step) => step.tuple === true);
  const plainCount = firstTuple < 0 ? steps.length : firstTuple;
  const plain = steps.slice(0, plainCount).map((step, i) => compileStep(step, i === steps.length - 1, compile));
  const tupled = steps.slice(plainCount).map((step) => compileTupleStep(step, compile));
  const absolute = steps[0].type === 'variable';
  return (input, frame) => {
    let sequence: Sequence = Array.isArray(input) && !absolute ? input : createSequence(input);
    let result: Sequence = sequence;
    for (const step of plain) {
      result = step(sequence, frame);
      if (result.length === 0) return result;
      sequence = result;
    }
    if (tupled.length === 0) return result;
    let tuples: Tuple[] | undefined;
    for (const step of tupled) tuples = step(sequence, tuples, frame);
    return createSequence(...(tuples ?? []).map((tuple) => tuple['@']));
  };
}
