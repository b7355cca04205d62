/** JSONata's binary operators on evaluated operands (`and`/`or` short-circuit in the compiler). */
import { EvaluationFailure } from './evaluationFailure';
import { createSequence, deepEqual, isNumeric, stringOf, toBoolean } from './values';

export type BinaryOperator = (lhs: unknown, rhs: unknown) => unknown;

function numeric(apply: (lhs: number, rhs: number) => number): BinaryOperator {
  return (lhs, rhs) => {
    if (lhs !== undefined && !isNumeric(lhs)) throw new EvaluationFailure('T2001', { value: lhs });
    if (rhs !== undefined && !isNumeric(rhs)) throw new EvaluationFailure('T2002', { value: rhs });
    if (lhs === undefined || rhs === undefined) return undefined;
    return apply(lhs, rhs);
  };
}

function comparison(apply: (lhs: string | number, rhs: string | number) => boolean): BinaryOperator {
  return (lhs, rhs) => {
    const ltype = typeof lhs;
    const rtype = typeof rhs;
    const lcomparable = ltype === 'undefined' || ltype === 'string' || ltype === 'number';
    const rcomparable = rtype === 'undefined' || rtype === 'string' || rtype === 'number';
    if (!lcomparable || !rcomparable) throw new EvaluationFailure('T2010', { value: ltype === 'string' || ltype === 'number' ? rhs : lhs });
    if (lhs === undefined || rhs === undefined) return undefined;
    if (ltype !== rtype) throw new EvaluationFailure('T2009', { value: lhs, value2: rhs });
    return apply(lhs as string | number, rhs as string | number);
  };
}

function range(lhs: unknown, rhs: unknown): unknown {
  if (lhs !== undefined && !Number.isInteger(lhs)) throw new EvaluationFailure('T2003', { value: lhs });
  if (rhs !== undefined && !Number.isInteger(rhs)) throw new EvaluationFailure('T2004', { value: rhs });
  if (lhs === undefined || rhs === undefined) return undefined;
  const from = lhs as number;
  const to = rhs as number;
  if (from > to) return undefined;
  const size = to - from + 1;
  if (size > 1e7) throw new EvaluationFailure('D2014', { value: size });
  const result = createSequence();
  for (let item = from; item <= to; item += 1) result.push(item);
  return result;
}

function includes(lhs: unknown, rhs: unknown): boolean {
  if (lhs === undefined || rhs === undefined) return false;
  const candidates = Array.isArray(rhs) ? rhs : [rhs];
  return candidates.some((candidate) => candidate === lhs);
}

export const BINARY_OPERATORS: Record<string, BinaryOperator> = {
  '+': numeric((a, b) => a + b),
  '-': numeric((a, b) => a - b),
  '*': numeric((a, b) => a * b),
  '/': numeric((a, b) => a / b),
  '%': numeric((a, b) => a % b),
  '=': (lhs, rhs) => lhs !== undefined && rhs !== undefined && deepEqual(lhs, rhs),
  '!=': (lhs, rhs) => lhs !== undefined && rhs !== undefined && !deepEqual(lhs, rhs),
  '<': comparison((a, b) => a < b),
  '<=': comparison((a, b) => a <= b),
  '>': comparison((a, b) => a > b),
  '>=': comparison((a, b) => a >= b),
  '&': (lhs, rhs) => (lhs === undefined ? '' : (stringOf(lhs) as string)) + (rhs === undefined ? '' : (stringOf(rhs) as string)),
  '..': range,
  in: includes,
};

/** `and`/`or` cast each side to a boolean, nothing counting as false. */
export function boolize(value: unknown): boolean {
  return toBoolean(value) ?? false;
}
