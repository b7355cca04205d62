/**
 * A built-in mapping compiled to synchronous closures (see compiler.ts), evaluated with the same
 * bindings jsonata gets. `compileMapping` throws UnsupportedExpression, naming the reason, for
 * anything outside the compiled subset; `evaluate` throws NeedsInterpreter for a record the
 * compiled form cannot reproduce exactly (the Transformer then asks jsonata for that record).
 */
import jsonata from 'jsonata';
import type { AstNode } from './ast';
import { plainResult, trackBuilt } from './built';
import { compileNode } from './compiler';
import { newEvaluation } from './fieldWalk';
import { Frame } from './frame';
import { JSONATA_BUILTIN_NAMES, builtin } from './functions';
import { UnsupportedExpression } from './unsupportedExpression';
import { createSequence, isSequence } from './values';

export { EvaluationFailure } from './evaluationFailure';
export { NeedsInterpreter } from './needsInterpreter';
export { UnsupportedExpression } from './unsupportedExpression';

export interface CompiledMapping {
  /** Evaluates the mapping over one input; `bindings` are the `$name` variables jsonata would get. */
  evaluate(input: unknown, bindings?: Record<string, unknown>): unknown;
  /**
   * `evaluate`, then the result as plain JSON (what toPlainJson makes of it, without the copy when
   * the constructors built it plain: see built.ts); `undefined` when the expression produced nothing.
   */
  evaluateJson(input: unknown, bindings?: Record<string, unknown>): { json: unknown } | undefined;
}

const resolveBuiltin = (name: string): unknown => builtin(name);

export function compileMapping(expression: string): CompiledMapping {
  const ast = jsonata(expression).ast() as AstNode;
  refuseUnknownBuiltins(ast);
  const evaluator = compileNode(ast);
  const mapping: CompiledMapping = {
    evaluateJson(input, bindings) {
      const built: object[] = [];
      const outer = trackBuilt(built);
      let result: unknown;
      try {
        result = mapping.evaluate(input, bindings);
      } finally {
        trackBuilt(outer);
      }
      return result === undefined ? undefined : { json: plainResult(result, built) };
    },
    evaluate(input, bindings = {}) {
      newEvaluation();
      // `$` is the input, then the bindings (a binding to undefined hides a built-in), then the built-ins; `:=` at the top binds over all of them.
      const root = new Frame(undefined, (name) => {
        if (name === '$') return input;
        return Object.prototype.hasOwnProperty.call(bindings, name) ? bindings[name] : resolveBuiltin(name);
      });
      let context = input;
      if (Array.isArray(input) && !isSequence(input)) {
        context = createSequence(input);
        (context as { outerWrapper?: boolean }).outerWrapper = true;
      }
      return evaluator(context, root);
    },
  };
  return mapping;
}

/** A JSONata built-in the compiler does not implement, called and not bound by the expression itself, keeps the mapping on jsonata. */
function refuseUnknownBuiltins(ast: AstNode): void {
  const used = new Set<string>();
  const bound = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (typeof value !== 'object' || value === null || value instanceof RegExp) return;
    const node = value as AstNode;
    if (node.type === 'variable') used.add(String(node.value));
    if (node.type === 'bind' && node.lhs && !Array.isArray(node.lhs)) bound.add(String(node.lhs.value));
    if (node.type === 'lambda') for (const param of node.arguments ?? []) bound.add(String(param.value));
    for (const child of Object.values(node)) visit(child);
  };
  visit(ast);
  for (const name of used) {
    if (JSONATA_BUILTIN_NAMES.has(name) && !builtin(name) && !bound.has(name)) throw new UnsupportedExpression(`the built-in function $${name}`);
  }
}
