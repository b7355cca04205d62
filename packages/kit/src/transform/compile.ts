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

/**
 * Compiles a JSONata expression once per process. A syntax error names the field and quotes
 * the position and token, so the flow author can fix it.
 */
export function compileExpression(expression: string, field: string): CompiledExpression {
  const cached = cache.get(expression);
  if (cached) return cached;
  let compiled: CompiledExpression;
  try {
    compiled = jsonata(expression);
  } catch (error) {
    const e = error as JsonataError;
    const where = e.position !== undefined ? ` at position ${e.position}` : '';
    const token = e.token !== undefined ? ` near "${e.token}"` : '';
    throw new ConfigurationError(field, `invalid JSONata expression${where}${token}: ${e.message ?? String(error)}${e.code ? ` (${e.code})` : ''}`);
  }
  cache.set(expression, compiled);
  return compiled;
}

/** Compiles without the cache (benchmarks measure what the cache saves). */
export function compileUncached(expression: string): CompiledExpression {
  return jsonata(expression);
}

export function clearExpressionCache(): void {
  cache.clear();
}
