/**
 * The built-in functions the compiled evaluator knows, with JSONata's signatures. A mapping that
 * calls any other built-in is not compiled (the Transformer keeps jsonata for it).
 */
import { EvaluationFailure } from './evaluationFailure';
import { NeedsInterpreter } from './needsInterpreter';
import { Signature, parseSignature } from './signature';
import * as text from './textFunctions';
import { lookup, stringOf, toBoolean, typeOf } from './values';

/** A built-in as a value: marked as JSONata marks its own, so `$type` and clean-up treat it as a function. */
export class Builtin {
  readonly _jsonata_function = true;

  constructor(
    readonly name: string,
    readonly signature: Signature,
    readonly implementation: (...args: never[]) => unknown,
  ) {}
}

function define<A extends unknown[]>(name: string, signature: string, implementation: (...args: A) => unknown): Builtin {
  return new Builtin(name, parseSignature(signature), implementation);
}

function count(values: unknown[] | undefined): number {
  return values === undefined ? 0 : values.length;
}

function average(values: number[] | undefined): number | undefined {
  if (values === undefined || values.length === 0) return undefined;
  let total = 0;
  for (const value of values) total += value;
  return total / values.length;
}

/** Half to even, at `precision` decimal places shifted in the decimal text (no binary rounding error). */
function round(value: number | undefined, precision?: number): number | undefined {
  if (value === undefined) return undefined;
  let subject = value;
  if (precision) {
    const [digits, exponent] = subject.toString().split('e');
    subject = +`${digits}e${exponent ? +exponent + precision : precision}`;
  }
  let result = Math.round(subject);
  if (Math.abs(result - subject) === 0.5 && Math.abs(result % 2) === 1) result -= 1;
  if (precision) {
    const [digits, exponent] = result.toString().split('e');
    result = +`${digits}e${exponent ? +exponent - precision : -precision}`;
  }
  return Object.is(result, -0) ? 0 : result;
}

function toNumber(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number') return value;
  if (
    typeof value === 'string' &&
    /^-?[0-9]+(\.[0-9]+)?([Ee][-+]?[0-9]+)?$/.test(value) &&
    !Number.isNaN(parseFloat(value)) &&
    Number.isFinite(Number(value))
  )
    return parseFloat(value);
  if (typeof value === 'string' && /^(0[xX][0-9A-Fa-f]+)|(0[oO][0-7]+)|(0[bB][0-1]+)$/.test(value)) return Number(value);
  if (value === true) return 1;
  if (value === false) return 0;
  throw new EvaluationFailure('D3030', { value, index: 1 });
}

function merge(objects: unknown[] | undefined): Record<string, unknown> | undefined {
  if (objects === undefined) return undefined;
  const result = Object.create(null) as Record<string, unknown>;
  for (const item of objects) {
    if (typeof item !== 'object' || item === null) continue;
    for (const key of Object.keys(item)) result[key] = (item as Record<string, unknown>)[key];
  }
  return result;
}

/** Years 0–9999 print as `toISOString` prints them; anything else goes to jsonata's own formatter. */
const ISO_RANGE = { min: -62167219200000, max: 253402300799999 };

function fromMillis(millis: number | undefined, picture?: string, timezone?: string): string | undefined {
  if (millis === undefined) return undefined;
  if (picture !== undefined || timezone !== undefined) throw new NeedsInterpreter('$fromMillis with a picture or time zone');
  if (!Number.isInteger(millis) || millis < ISO_RANGE.min || millis > ISO_RANGE.max) throw new NeedsInterpreter('$fromMillis outside years 0–9999');
  return new Date(millis).toISOString();
}

const BUILTINS: Builtin[] = [
  define('string', '<x-b?:s>', (value: unknown, prettify?: boolean) => (prettify ? NeedsInterpreterFor('$string with prettify') : stringOf(value))),
  define('type', '<x:s>', typeOf),
  define('exists', '<x:b>', (value: unknown) => value !== undefined),
  define('boolean', '<x-:b>', toBoolean),
  define('not', '<x-:b>', (value: unknown) => (value === undefined ? undefined : !toBoolean(value))),
  define('count', '<a:n>', count),
  define('average', '<a<n>:n>', average),
  define('round', '<n-n?:n>', round),
  define('number', '<(nsb)-:n>', toNumber),
  define('lookup', '<x-s:x>', lookup),
  define('merge', '<a<o>:o>', merge),
  define('trim', '<s-:s>', text.trim),
  define('contains', '<s-(sf):b>', text.contains),
  define('substring', '<s-nn?:s>', text.substring),
  define('substringBefore', '<s-s:s>', text.substringBefore),
  define('substringAfter', '<s-s:s>', text.substringAfter),
  define('split', '<s-(sf)n?:a<s>>', text.split),
  define('join', '<a<s>s?:s>', text.join),
  define('match', '<s-f<s:o>n?:a<o>>', text.match),
  define('replace', '<s-(sf)(sf)n?:s>', text.replace),
  define('fromMillis', '<n-s?s?:s>', fromMillis),
];

function NeedsInterpreterFor(reason: string): never {
  throw new NeedsInterpreter(reason);
}

const TABLE = new Map(BUILTINS.map((builtin) => [builtin.name, builtin]));

/** Every name JSONata binds in its static frame: these resolve to a built-in if nothing else binds them. */
export const JSONATA_BUILTIN_NAMES = new Set([
  'sum',
  'count',
  'max',
  'min',
  'average',
  'string',
  'substring',
  'substringBefore',
  'substringAfter',
  'lowercase',
  'uppercase',
  'length',
  'trim',
  'pad',
  'match',
  'contains',
  'replace',
  'split',
  'join',
  'formatNumber',
  'formatBase',
  'formatInteger',
  'parseInteger',
  'number',
  'floor',
  'ceil',
  'round',
  'abs',
  'sqrt',
  'power',
  'random',
  'boolean',
  'not',
  'map',
  'zip',
  'filter',
  'single',
  'reduce',
  'sift',
  'keys',
  'lookup',
  'append',
  'exists',
  'spread',
  'merge',
  'reverse',
  'each',
  'error',
  'assert',
  'type',
  'sort',
  'shuffle',
  'distinct',
  'base64encode',
  'base64decode',
  'encodeUrlComponent',
  'encodeUrl',
  'decodeUrlComponent',
  'decodeUrl',
  'eval',
  'toMillis',
  'fromMillis',
  'clone',
  'now',
  'millis',
]);

export function builtin(name: string): Builtin | undefined {
  return TABLE.get(name);
}

export function isBuiltin(value: unknown): value is Builtin {
  return value instanceof Builtin;
}
