/**
 * JSONata's constructors: `[a, b]` and `{k: v}`. Both register what they build (built.ts), so a
 * result made of them alone goes out without a copy.
 */
import { AstNode, Compile, Evaluate } from './ast';
import { registerBuilt } from './built';
import { EvaluationFailure } from './evaluationFailure';
import { Frame } from './frame';
import { append } from './values';

/** `[a, b]`: items appended (a sequence or array flattened one level), a nested `[...]` kept as one item. */
export function compileArray(node: AstNode, compileNode: Compile): Evaluate {
  const items = (node.expressions ?? []).map((item) => ({ evaluate: compileNode(item), keep: item.value === '[' }));
  const cons = node.consarray === true;
  return (input, frame) => {
    const result: unknown[] = [];
    for (const item of items) {
      const value = item.evaluate(input, frame);
      if (value === undefined) continue;
      if (item.keep || !Array.isArray(value)) result.push(value);
      else for (let at = 0; at < value.length; at += 1) result.push(value[at]); // JSONata's append: one level flattened
    }
    if (cons) Object.defineProperty(result, 'cons', { enumerable: false, configurable: false, value: true });
    registerBuilt(result);
    return result;
  };
}

/** `{k: v}`: JSONata's grouping (an array context groups its items by key), undefined values dropped. */
export function compileObject(node: AstNode, compileNode: Compile): Evaluate {
  const source = Array.isArray(node.lhs) ? node.lhs : [];
  const pairs = source.map(([key, value]) => ({ key: compileNode(key), value: compileNode(value) }));
  // Distinct literal keys over a single context (the usual case) group trivially: one value per key.
  const literal = source.map(([key]) => (key.type === 'string' && !key.predicate ? String(key.value) : undefined));
  const simple = literal.every((key) => key !== undefined && !key.startsWith('_jsonata_')) && new Set(literal).size === literal.length;
  // A plain object, as jsonata builds it (and as the emitted JSON is), unless a key would set its prototype.
  const plainProto = !literal.includes('__proto__');
  const build = (input: unknown, frame: Frame): Record<string, unknown> => {
    const result = (plainProto ? {} : Object.create(null)) as Record<string, unknown>;
    for (let pair = 0; pair < pairs.length; pair += 1) {
      const value = pairs[pair].value(input, frame);
      if (value !== undefined) result[literal[pair] as string] = value;
    }
    registerBuilt(result);
    return result;
  };
  return (input, frame) => {
    if (simple && !Array.isArray(input)) return build(input, frame);
    const items: unknown[] = Array.isArray(input) ? (input.length === 0 ? [undefined] : input) : [input];
    const groups = new Map<string, { data: unknown; pair: number }>();
    for (const item of items) {
      for (let pair = 0; pair < pairs.length; pair += 1) {
        const key = pairs[pair].key(item, frame);
        if (key === undefined) continue;
        if (typeof key !== 'string') throw new EvaluationFailure('T1003', { value: key });
        if (key === '_jsonata_lambda' || key === '_jsonata_function') throw new EvaluationFailure('D1013', { value: key });
        const group = groups.get(key);
        if (!group) groups.set(key, { data: item, pair });
        else if (group.pair !== pair) throw new EvaluationFailure('D1009', { value: key });
        else group.data = append(group.data, item);
      }
    }
    const result = Object.create(null) as Record<string, unknown>;
    for (const [key, group] of groups) {
      const value = pairs[group.pair].value(group.data, frame);
      if (value !== undefined) result[key] = value;
    }
    return result;
  };
}
