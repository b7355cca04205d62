/**
 * The text tests the built-in mappings are written with (see CleverReach's receiverToPerson):
 * `v = v & ""` (true only for text) and `v >= "!"`, `v != ""` (a comparison with a text literal),
 * where `v` is a field path or a variable. Such a `v` reads the same value however often it is
 * evaluated, so the test reads it once: text is decided at once, nothing (for `v = v & ""`) too,
 * and any other value (a number, a list, an object, a function) goes to the operator's general
 * closure, which evaluates both sides as before and fails or answers exactly as it would.
 */
import type { AstNode, Compile, Evaluate } from './ast';

const COMPARISONS = ['=', '!=', '<', '<=', '>', '>='];

const noFilters = (node: AstNode): boolean => !node.predicate?.length && !node.stages?.length && !node.tuple;

/** A variable, or a path of plain field names (after an optional variable): reading it has no effect and gives the same value each time. */
function isPureRead(node: AstNode): boolean {
  if (!noFilters(node)) return false;
  if (node.type === 'variable') return true;
  if (node.type !== 'path' || !node.steps?.length) return false;
  return node.steps.every((step, at) => noFilters(step) && (step.type === 'name' || (at === 0 && step.type === 'variable')));
}

/** The node as text without source positions: two reads of the same field compare equal. */
function shape(node: AstNode): string {
  return JSON.stringify(node, (key, value: unknown) => (key === 'position' ? undefined : value));
}

/**
 * A faster closure for `v = v & ""` or `v <op> "literal"`; undefined for anything else.
 * `general` is the operator's ordinary closure, used for every value that is not text.
 */
export function compileTextTest(node: AstNode, compile: Compile, general: Evaluate): Evaluate | undefined {
  const op = String(node.value);
  const lhs = node.lhs;
  const rhs = node.rhs;
  if (!lhs || Array.isArray(lhs) || !rhs || !isPureRead(lhs)) return undefined;
  if (op === '=' && rhs.type === 'binary' && rhs.value === '&' && noFilters(rhs)) {
    const joined = rhs.lhs;
    const empty = rhs.rhs;
    if (!joined || Array.isArray(joined) || shape(joined) !== shape(lhs) || empty?.type !== 'string' || empty.value !== '' || !noFilters(empty))
      return undefined;
    const subject = compile(lhs);
    return (input, frame) => {
      const value = subject(input, frame);
      if (typeof value === 'string') return true;
      if (value === undefined) return false;
      return general(input, frame);
    };
  }
  if (!COMPARISONS.includes(op) || rhs.type !== 'string' || typeof rhs.value !== 'string' || !noFilters(rhs)) return undefined;
  const literal = rhs.value;
  const subject = compile(lhs);
  return (input, frame) => {
    const value = subject(input, frame);
    if (typeof value !== 'string') return general(input, frame);
    switch (op) {
      case '=':
        return value === literal;
      case '!=':
        return value !== literal;
      case '<':
        return value < literal;
      case '<=':
        return value <= literal;
      case '>':
        return value > literal;
      default:
        return value >= literal;
    }
  };
}
