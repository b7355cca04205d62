/**
 * Compiles jsonata's parsed expression tree into plain synchronous closures with JSONata's
 * semantics, node by node: what jsonata 2.x does with an `async` call per node and a guardrail
 * check per step is here one direct call. Node types, flags and functions outside the subset the
 * built-in mappings use are refused with UnsupportedExpression (the caller keeps jsonata then).
 */
import { AstNode, Evaluate, KNOWN_KEYS } from './ast';
import { registerBuilt } from './built';
import { compileCall, compileLambda } from './calls';
import { EvaluationFailure } from './evaluationFailure';
import { Frame } from './frame';
import { BINARY_OPERATORS, boolize } from './operators';
import { compileFilter, compilePath } from './paths';
import { createMatcher } from './regex';
import { UnsupportedExpression } from './unsupportedExpression';
import { Sequence, append, isNumeric, lookup, settle, toBoolean } from './values';

export function compileNode(node: AstNode): Evaluate {
  checkKeys(node);
  const filters = (node.predicate ?? []).map((predicate) => {
    if (predicate.type !== 'filter' || !predicate.expr) throw new UnsupportedExpression(`predicate "${predicate.type}"`);
    return compileFilter(predicate.expr, compileNode);
  });
  // Without filters, a node whose value is never a sequence, or that settles its own value, needs no wrapper (one call less per node).
  if (filters.length === 0 && node.type === 'path') return compilePath(node, compileNode, true);
  const core = compileCore(node);
  if (filters.length === 0 && neverSequence(node)) return core;
  if (filters.length === 0) return (input, frame) => settle(core(input, frame));
  return (input, frame) => {
    let result = core(input, frame);
    for (const filter of filters) result = filter(result, frame);
    return settle(result);
  };
}

/** Literals, lambdas, regexes, operators other than `..` (a boolean, number or text) and `-`, `[…]`, `{…}` (a number, a plain array, an object). */
function neverSequence(node: AstNode): boolean {
  switch (node.type) {
    case 'string':
    case 'number':
    case 'value':
    case 'lambda':
    case 'regex':
    case 'unary':
      return true;
    case 'binary':
      return node.value !== '..';
    default:
      return false;
  }
}

function checkKeys(node: AstNode): void {
  const known = KNOWN_KEYS[node.type];
  if (!known) throw new UnsupportedExpression(`node type "${node.type}"`);
  for (const key of Object.keys(node)) {
    if (key === 'type' || key === 'value' || key === 'position' || key === 'predicate' || known.includes(key)) continue;
    if ((node as unknown as Record<string, unknown>)[key] === undefined) continue;
    throw new UnsupportedExpression(`"${key}" on a ${node.type} node`);
  }
}

function compileCore(node: AstNode): Evaluate {
  switch (node.type) {
    case 'path':
      return compilePath(node, compileNode, false);
    case 'name': {
      const name = String(node.value);
      return (input) => lookup(input, name);
    }
    case 'string':
    case 'number':
    case 'value': {
      const value = node.value;
      return () => value;
    }
    case 'regex': {
      if (!(node.value instanceof RegExp)) throw new UnsupportedExpression('a regex without a pattern');
      const regex = node.value;
      return () => createMatcher(new RegExp(regex));
    }
    case 'variable':
      return compileVariable(String(node.value));
    case 'binary':
      return compileBinary(node);
    case 'unary':
      return compileUnary(node);
    case 'condition':
      return compileCondition(node);
    case 'block':
      return compileBlock(node);
    case 'bind':
      return compileBind(node);
    case 'function':
      return compileCall(node, compileNode);
    case 'lambda':
      return compileLambda(node, compileNode);
    default:
      throw new UnsupportedExpression(`node type "${node.type}"`);
  }
}

function compileVariable(name: string): Evaluate {
  if (name === '') return (input) => (Array.isArray(input) && (input as Sequence).outerWrapper ? (input[0] as unknown) : input);
  return (_input, frame) => frame.lookup(name);
}

function child(node: AstNode | undefined, what: string): AstNode {
  if (!node || Array.isArray(node)) throw new UnsupportedExpression(`${what} missing`);
  return node;
}

function compileBinary(node: AstNode): Evaluate {
  const op = String(node.value);
  const lhs = compileNode(child(node.lhs as AstNode, `left side of ${op}`));
  const rhs = compileNode(child(node.rhs, `right side of ${op}`));
  if (op === 'and' || op === 'or') {
    const isAnd = op === 'and';
    return (input, frame) => {
      const left = lhs(input, frame);
      try {
        const leftTrue = boolize(left);
        if (isAnd ? !leftTrue : leftTrue) return leftTrue;
        return boolize(rhs(input, frame));
      } catch (error) {
        if (error instanceof EvaluationFailure) error.token = op; // jsonata names the operator for anything its right side throws
        throw error;
      }
    };
  }
  const operator = BINARY_OPERATORS[op] as ((a: unknown, b: unknown) => unknown) | undefined;
  if (!operator) throw new UnsupportedExpression(`operator "${op}"`);
  return (input, frame) => {
    const left = lhs(input, frame);
    const right = rhs(input, frame);
    try {
      return operator(left, right);
    } catch (error) {
      if (error instanceof EvaluationFailure) error.token = op;
      throw error;
    }
  };
}

function compileUnary(node: AstNode): Evaluate {
  if (node.value === '-') {
    const operand = compileNode(child(node.expression, 'operand of -'));
    return (input, frame) => {
      const value = operand(input, frame);
      if (value === undefined) return undefined;
      if (isNumeric(value)) return -value;
      throw new EvaluationFailure('D1002', { value, token: '-' });
    };
  }
  if (node.value === '[') return compileArray(node);
  if (node.value === '{') return compileObject(node);
  throw new UnsupportedExpression(`unary "${String(node.value)}"`);
}

/** `[a, b]`: items appended (a sequence or array flattened one level), a nested `[...]` kept as one item. */
function compileArray(node: AstNode): Evaluate {
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
function compileObject(node: AstNode): Evaluate {
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

function compileCondition(node: AstNode): Evaluate {
  const condition = compileNode(child(node.condition, 'condition'));
  const then = compileNode(child(node.then, 'then branch'));
  const otherwise = node.else ? compileNode(node.else) : undefined;
  return (input, frame) => {
    if (toBoolean(condition(input, frame))) return then(input, frame);
    return otherwise ? otherwise(input, frame) : undefined;
  };
}

function compileBlock(node: AstNode): Evaluate {
  const expressions = (node.expressions ?? []).map(compileNode);
  return (input, frame) => {
    const scope = new Frame(frame);
    let result: unknown;
    for (const expression of expressions) result = expression(input, scope);
    return result;
  };
}

function compileBind(node: AstNode): Evaluate {
  const target = child(node.lhs as AstNode, 'variable of :=');
  if (target.type !== 'variable') throw new UnsupportedExpression('binding to something other than a variable');
  const name = String(target.value);
  const value = compileNode(child(node.rhs, 'value of :='));
  return (input, frame) => {
    const result = value(input, frame);
    frame.bind(name, result);
    return result;
  };
}
