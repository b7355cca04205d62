/**
 * Argument checking of JSONata's function signatures (`<s-n?:s>`, `<a<o>:o>`, `<s-(sf)(sf)n?:s>`),
 * with JSONata's rules: each argument is classified by a letter, the letters must match the
 * parameters (`?` optional, `+` repeated, `-` the context stands in for a missing argument), an
 * array parameter takes a single value as a one-item array and checks the item type it declares.
 */
import { EvaluationFailure } from './evaluationFailure';
import { isFunction } from './values';

interface Param {
  /** The letters this parameter accepts, `m` (missing) included. */
  letters: string;
  type: string;
  suffix: string;
  context: boolean;
  subtype?: string;
}

export interface Signature {
  /** The checked arguments, with context substituted and single values wrapped where the signature says. */
  validate(args: unknown[], context: unknown): unknown[];
}

const ITEM_TYPES: Record<string, string> = { a: 'arrays', b: 'booleans', f: 'functions', n: 'numbers', o: 'objects', s: 'strings' };

export function letterOf(value: unknown): string {
  if (isFunction(value)) return 'f';
  switch (typeof value) {
    case 'string':
      return 's';
    case 'number':
      return 'n';
    case 'boolean':
      return 'b';
    case 'object':
      if (value === null) return 'l';
      return Array.isArray(value) ? 'a' : 'o';
    default:
      return 'm';
  }
}

function parseParams(definition: string): Param[] {
  const params: Param[] = [];
  const body = definition.slice(1, -1);
  for (let i = 0; i < body.length; i += 1) {
    const symbol = body[i];
    if (symbol === ':') break; // the return type is not checked
    const last = params[params.length - 1];
    if ('snblo'.includes(symbol)) params.push({ letters: `${symbol}m`, type: symbol, suffix: '', context: false });
    else if (symbol === 'a' || symbol === 'x') params.push({ letters: 'asnblfom', type: symbol, suffix: '', context: false });
    else if (symbol === 'j') params.push({ letters: 'asnblom', type: symbol, suffix: '', context: false });
    else if (symbol === 'f') params.push({ letters: 'f', type: symbol, suffix: '', context: false });
    else if (symbol === '-') last.context = true;
    else if (symbol === '?' || symbol === '+') last.suffix += symbol;
    else if (symbol === '(') {
      const close = body.indexOf(')', i);
      params.push({ letters: `${body.slice(i + 1, close)}m`, type: 'choice', suffix: '', context: false });
      i = close;
    } else if (symbol === '<') {
      let depth = 1;
      let close = i;
      while (depth > 0) {
        close += 1;
        if (body[close] === '<') depth += 1;
        if (body[close] === '>') depth -= 1;
      }
      last.subtype = body.slice(i + 1, close);
      i = close;
    } else throw new Error(`unknown signature symbol ${symbol} in ${definition}`);
  }
  return params;
}

export function parseSignature(definition: string): Signature {
  const params = parseParams(definition);
  const pattern = new RegExp(`^${params.map((p) => `([${p.letters}]${p.context ? '?' : ''}${p.suffix})`).join('')}$`);
  // The match depends on the argument letters alone, and a mapping calls with few combinations: match each once.
  const matches = new Map<string, RegExpExecArray | null>();
  return {
    validate(args, context) {
      let letters = '';
      for (const arg of args) letters += letterOf(arg);
      let matched = matches.get(letters);
      if (matched === undefined) {
        matched = pattern.exec(letters);
        if (matches.size < 256) matches.set(letters, matched);
      }
      if (!matched) throw mismatch(params, args, letters);
      const validated: unknown[] = [];
      let next = 0;
      params.forEach((param, index) => {
        const match = matched[index + 1];
        if (match === '') {
          if (param.context) {
            if (!param.letters.includes(letterOf(context))) throw new EvaluationFailure('T0411', { value: context, index: next + 1 });
            validated.push(context);
          } else {
            validated.push(args[next]);
            next += 1;
          }
          return;
        }
        for (const single of match) {
          validated.push(param.type === 'a' ? asArray(param, single, match, args[next], next) : args[next]);
          next += 1;
        }
      });
      return validated;
    },
  };
}

function asArray(param: Param, single: string, match: string, arg: unknown, index: number): unknown {
  if (single === 'm') return undefined;
  if (param.subtype !== undefined) {
    let ok = true;
    if (single !== 'a') ok = match === param.subtype;
    else if ((arg as unknown[]).length > 0) {
      const itemLetter = letterOf((arg as unknown[])[0]);
      ok = itemLetter === param.subtype[0] && (arg as unknown[]).every((item) => letterOf(item) === itemLetter);
    }
    if (!ok) throw new EvaluationFailure('T0412', { value: arg, index: index + 1, type: ITEM_TYPES[param.subtype] });
  }
  return single === 'a' ? arg : [arg];
}

/** T0410 names the first argument where the letters stop matching, as JSONata does. */
function mismatch(params: Param[], args: unknown[], letters: string): EvaluationFailure {
  let partial = '^';
  let goodTo = 0;
  for (const param of params) {
    partial += `[${param.letters}]${param.context ? '?' : ''}${param.suffix}`;
    const match = new RegExp(partial).exec(letters);
    if (match === null) break;
    goodTo = match[0].length;
  }
  return new EvaluationFailure('T0410', { value: args[goodTo], index: goodTo + 1 });
}
