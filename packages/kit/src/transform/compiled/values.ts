/**
 * JSONata's value model, reproduced for the compiled evaluator: a *sequence* is a JS array marked
 * `sequence: true` (an enumerable flag, as JSONata sets it, so deep equality and `$keys` see it the
 * same way); `keepSingleton` keeps a one-item sequence an array; `cons` marks an array constructor
 * that must not be flattened into a path; `outerWrapper` wraps an input document that is an array.
 */
import { isJsonataFunction } from '../shape';
import { EvaluationFailure } from './evaluationFailure';

export type Sequence = unknown[] & { sequence?: boolean; keepSingleton?: boolean; cons?: boolean; outerWrapper?: boolean; tupleStream?: boolean };

export function createSequence(...items: unknown[]): Sequence {
  const sequence: Sequence = items;
  sequence.sequence = true;
  return sequence;
}

export function isSequence(value: unknown): value is Sequence {
  return Array.isArray(value) && (value as Sequence).sequence === true;
}

/** A JSONata lambda, a built-in or a native JS function passed as a binding. */
export function isFunction(value: unknown): boolean {
  if (typeof value === 'function') return true;
  return typeof value === 'object' && value !== null && isJsonataFunction(value);
}

/** A number that is not NaN; an infinite one is an error (D1001), as in JSONata. */
export function isNumeric(value: unknown): value is number {
  if (typeof value !== 'number' || Number.isNaN(value)) return false;
  if (!Number.isFinite(value)) throw new EvaluationFailure('D1001', { value });
  return true;
}

export function isArrayOfNumbers(value: unknown): value is number[] {
  if (!Array.isArray(value)) return false;
  for (const item of value) if (!isNumeric(item)) return false;
  return true;
}

/** Effective boolean value ($boolean): undefined stays undefined. */
export function toBoolean(value: unknown): boolean | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) {
    if (value.length === 1) return toBoolean(value[0]);
    for (const item of value) if (toBoolean(item)) return true;
    return false;
  }
  if (typeof value === 'string') return value.length > 0;
  if (typeof value === 'boolean') return value;
  if (isNumeric(value)) return value !== 0;
  if (value !== null && typeof value === 'object' && !isFunction(value)) return Object.keys(value).length > 0;
  return false;
}

/** `=` on values: identical, or arrays with equal items, or objects with the same own names and equal values. */
export function deepEqual(lhs: unknown, rhs: unknown): boolean {
  if (lhs === rhs) return true;
  if (typeof lhs !== 'object' || typeof rhs !== 'object' || lhs === null || rhs === null) return false;
  if (Array.isArray(lhs) && Array.isArray(rhs)) {
    if (lhs.length !== rhs.length) return false;
    for (let i = 0; i < lhs.length; i += 1) if (!deepEqual(lhs[i], rhs[i])) return false;
    return true;
  }
  const lkeys = Object.getOwnPropertyNames(lhs).sort();
  const rkeys = Object.getOwnPropertyNames(rhs).sort();
  if (lkeys.length !== rkeys.length) return false;
  for (let i = 0; i < lkeys.length; i += 1) if (lkeys[i] !== rkeys[i]) return false;
  for (const key of lkeys) if (!deepEqual((lhs as Record<string, unknown>)[key], (rhs as Record<string, unknown>)[key])) return false;
  return true;
}

/** `$string`: text as is, functions as "", other values as JSON with non-integers at 15 significant digits. */
export function stringOf(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (isFunction(value)) return '';
  if (typeof value === 'number' && !Number.isFinite(value)) throw new EvaluationFailure('D3001', { value });
  const subject = Array.isArray(value) && (value as Sequence).outerWrapper ? (value[0] as unknown) : value;
  return JSON.stringify(subject, (_key, item: unknown) => {
    if (item !== undefined && item !== null && isNumeric(item)) return Number.isInteger(item) ? item : Number(item.toPrecision(15));
    return item && isFunction(item) ? '' : item;
  });
}

/** `$type`. */
export function typeOf(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (value === null) return 'null';
  if (isNumeric(value)) return 'number';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  if (Array.isArray(value)) return 'array';
  if (isFunction(value)) return 'function';
  return 'object';
}

/** JSONata's append: undefined disregarded, non-arrays made singleton arrays, then concatenated. */
export function append(first: unknown, second: unknown): unknown {
  if (first === undefined) return second;
  if (second === undefined) return first;
  const head = Array.isArray(first) ? first : createSequence(first);
  return head.concat(Array.isArray(second) ? second : [second]);
}

/** A field of an object, or of every item of an array (flattened one level, into a sequence). */
export function lookup(input: unknown, key: string): unknown {
  if (Array.isArray(input)) {
    const result = createSequence();
    for (const item of input) {
      const found = lookup(item, key);
      if (found === undefined) continue;
      if (Array.isArray(found)) for (const value of found) result.push(value);
      else result.push(found);
    }
    return result;
  }
  if (input !== null && typeof input === 'object' && Object.prototype.hasOwnProperty.call(input, key) && !isFunction(input)) {
    return (input as Record<string, unknown>)[key];
  }
  return undefined;
}

/** What every evaluated expression ends with: an empty sequence is nothing, a singleton its item. */
export function settle(result: unknown): unknown {
  if (!Array.isArray(result)) return result;
  const sequence = result as Sequence;
  if (sequence.sequence !== true || sequence.tupleStream) return result;
  if (sequence.length === 0) return undefined;
  if (sequence.length === 1 && !sequence.keepSingleton) return sequence[0];
  return sequence;
}
