import jsonata from 'jsonata';
import { ConfigurationError } from '../errors';

export type CompiledExpression = ReturnType<typeof jsonata>;

interface JsonataError {
  code?: string;
  position?: number;
  token?: string;
  message?: string;
}

const cache = new Map<string, CompiledExpression>();

/** JSONata's own guardrails: evaluation time in ms and nesting depth (see transform/limits). */
export interface Guardrails {
  timeout: number;
  stack: number;
}

/**
 * Compiles a JSONata expression once per process (and per set of guardrails, which JSONata fixes
 * at compile time). A syntax error names the field and quotes the position and token, so the flow
 * author can fix it.
 */
export function compileExpression(expression: string, field: string, guardrails?: Guardrails): CompiledExpression {
  const key = guardrails ? `\u0000${guardrails.timeout}:${guardrails.stack}\u0000${expression}` : expression;
  const cached = cache.get(key);
  if (cached) return cached;
  let compiled: CompiledExpression;
  try {
    compiled = guardrails ? jsonata(expression, guardrails) : jsonata(expression);
  } catch (error) {
    const e = error as JsonataError;
    const where = e.position !== undefined ? ` at position ${e.position}` : '';
    const token = e.token !== undefined ? ` near "${e.token}"` : '';
    throw new ConfigurationError(field, `invalid JSONata expression${where}${token}: ${e.message ?? String(error)}${e.code ? ` (${e.code})` : ''}`);
  }
  cache.set(key, compiled);
  return compiled;
}

/** Compiles without the cache (benchmarks measure what the cache saves). */
export function compileUncached(expression: string): CompiledExpression {
  return jsonata(expression);
}

export function clearExpressionCache(): void {
  cache.clear();
}
