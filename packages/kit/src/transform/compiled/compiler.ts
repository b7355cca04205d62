/**
 * Compiles jsonata's parsed expression tree into plain synchronous closures with JSONata's
 * semantics, node by node: what jsonata 2.x does with an `async` call per node and a guardrail
 * check per step is here one direct call. Node types, flags and functions outside the subset the
 * built-in mappings use are refused with UnsupportedExpression (the caller keeps jsonata then).
 */
import { AstNode, Evaluate, KNOWN_KEYS } from './ast';
import { compileCall, compileLambda } from './calls';
import { compileArray, compileObject } from './constructors';
import { EvaluationFailure } from './evaluationFailure';
import { Frame } from './frame';
import { BINARY_OPERATORS, boolize } from './operators';
import { compileFilter, compilePath } from './paths';
import { createMatcher } from './regex';
import { compileTextTest } from './textTests';
import { UnsupportedExpression } from './unsupportedExpression';
import { Sequence, deepEqual, isNumeric, lookup, settle, toBoolean } from './values';

export function compileNode(node: AstNode): Evaluate {
  checkKeys(node);
  const filters = (node.predicate ?? []).map((predicate) => {
    if (predicate.type !== 'filter' || !predicate.expr) throw new UnsupportedExpression(`predicate "${predicate.type}"`);
    return compileFilter(predicate.expr, compileNode);
  });
  // Without filters, a node whose value is never a sequence, or that settles its own value, needs no wrapper (one call less per node).
  if (filters.length === 0 && node.type === 'path') return compilePath(node, compileNode, true);
  if (filters.length === 0 && node.type === 'condition') return compileCondition(node, true);
  if (filters.length === 0 && node.type === 'variable') return compileVariable(String(node.value), true);
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
      return compileVariable(String(node.value), false);
    case 'binary':
      return compileBinary(node);
    case 'unary':
      return compileUnary(node);
    case 'condition':
      return compileCondition(node, false);
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

/** `settled`: the value settled as the node gives it (inline: one call less than a wrapper). */
function compileVariable(name: string, settled: boolean): Evaluate {
  const context = (input: unknown): unknown => (Array.isArray(input) && (input as Sequence).outerWrapper ? (input[0] as unknown) : input);
  if (name === '') return settled ? (input) => settleArray(context(input)) : context;
  if (!settled) return (_input, frame) => frame.lookup(name);
  return (_input, frame) => settleArray(frame.lookup(name));
}

function settleArray(value: unknown): unknown {
  return Array.isArray(value) ? settle(value) : value;
}

function child(node: AstNode | undefined, what: string): AstNode {
  if (!node || Array.isArray(node)) throw new UnsupportedExpression(`${what} missing`);
  return node;
}

function compileBinary(node: AstNode): Evaluate {
  const general = compileOperator(node);
  return compileTextTest(node, compileNode, general) ?? general;
}

function compileOperator(node: AstNode): Evaluate {
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
  if (op === '=' || op === '!=') {
    // Equality never fails: no error to name the operator in.
    const equal = op === '=';
    return (input, frame) => {
      const left = lhs(input, frame);
      const right = rhs(input, frame);
      return left !== undefined && right !== undefined && deepEqual(left, right) === equal;
    };
  }
  const operator = BINARY_OPERATORS[op] as ((a: unknown, b: unknown) => unknown) | undefined;
  if (!operator) throw new UnsupportedExpression(`operator "${op}"`);
  if (op === '&') {
    // Text joined to text is the common case (`v & ""`); anything else is turned into text as `$string` does.
    return (input, frame) => {
      const left = lhs(input, frame);
      const right = rhs(input, frame);
      if (typeof left === 'string' && typeof right === 'string') return left + right;
      return applyOperator(operator, op, left, right);
    };
  }
  return (input, frame) => applyOperator(operator, op, lhs(input, frame), rhs(input, frame));
}

function applyOperator(operator: (a: unknown, b: unknown) => unknown, op: string, left: unknown, right: unknown): unknown {
  try {
    return operator(left, right);
  } catch (error) {
    if (error instanceof EvaluationFailure) error.token = op;
    throw error;
  }
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
  if (node.value === '[') return compileArray(node, compileNode);
  if (node.value === '{') return compileObject(node, compileNode);
  throw new UnsupportedExpression(`unary "${String(node.value)}"`);
}

/** `settled`: the value settled as the node gives it (the branches are settled already; JSONata settles once more). */
function compileCondition(node: AstNode, settled: boolean): Evaluate {
  const condition = compileNode(child(node.condition, 'condition'));
  const then = compileNode(child(node.then, 'then branch'));
  const otherwise = node.else ? compileNode(node.else) : undefined;
  if (settled) return (input, frame) => settleArray(toBoolean(condition(input, frame)) ? then(input, frame) : otherwise?.(input, frame));
  return (input, frame) => (toBoolean(condition(input, frame)) ? then(input, frame) : otherwise?.(input, frame));
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
