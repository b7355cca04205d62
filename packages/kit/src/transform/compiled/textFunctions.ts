/** JSONata's string functions, synchronous (a matcher here is a plain function, never a promise). */
import { EvaluationFailure } from './evaluationFailure';
import { RegexMatch, runMatcher } from './regex';
import { createSequence } from './values';

export function trim(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  let result = text.replace(/[ \t\n\r]+/gm, ' ');
  if (result.startsWith(' ')) result = result.substring(1);
  if (result.endsWith(' ')) result = result.substring(0, result.length - 1);
  return result;
}

export function contains(text: string | undefined, token: unknown): boolean | undefined {
  if (text === undefined || token === undefined) return undefined;
  if (typeof token === 'string') return text.includes(token);
  return runMatcher(token, text) !== undefined;
}

export function substring(text: string | undefined, start: number, length?: number): string | undefined {
  if (text === undefined) return undefined;
  const chars = Array.from(text);
  let from = start;
  if (chars.length + from < 0) from = 0;
  if (length !== undefined) {
    if (length <= 0) return '';
    const end = from >= 0 ? from + length : chars.length + from + length;
    return chars.slice(from, end).join('');
  }
  return chars.slice(from).join('');
}

export function substringBefore(text: string | undefined, chars: string): string | undefined {
  if (text === undefined) return undefined;
  const at = text.indexOf(chars);
  return at > -1 ? text.substring(0, at) : text;
}

export function substringAfter(text: string | undefined, chars: string): string | undefined {
  if (text === undefined) return undefined;
  const at = text.indexOf(chars);
  return at > -1 ? text.substring(at + chars.length) : text;
}

export function split(text: string | undefined, separator: unknown, limit?: number): string[] | undefined {
  if (text === undefined) return undefined;
  if (limit !== undefined && limit < 0) throw new EvaluationFailure('D3020', { value: limit, index: 3 });
  if (limit !== undefined && !(limit > 0)) return [];
  if (typeof separator === 'string') return text.split(separator, limit);
  const result: string[] = [];
  let found = runMatcher(separator, text);
  if (found === undefined) return [text];
  let start = 0;
  let count = 0;
  while (found !== undefined && (limit === undefined || count < limit)) {
    result.push(text.substring(start, found.start));
    start = found.end;
    found = found.next();
    count += 1;
  }
  if (limit === undefined || count < limit) result.push(text.substring(start));
  return result;
}

export function join(texts: string[] | undefined, separator?: string): string | undefined {
  if (texts === undefined) return undefined;
  return texts.join(separator ?? '');
}

export function match(text: string | undefined, matcher: unknown, limit?: number): unknown[] | undefined {
  if (text === undefined) return undefined;
  if (limit !== undefined && limit < 0) throw new EvaluationFailure('D3040', { value: limit, index: 3 });
  const result = createSequence(); // a sequence: one match comes back as the match itself
  if (limit !== undefined && !(limit > 0)) return result;
  let found = runMatcher(matcher, text);
  for (let count = 0; found !== undefined && (limit === undefined || count < limit); count += 1) {
    result.push({ match: found.match, index: found.start, groups: found.groups });
    found = found.next();
  }
  return result;
}

export function replace(text: string | undefined, pattern: unknown, replacement: unknown, limit?: number): string | undefined {
  if (text === undefined) return undefined;
  if (pattern === '') throw new EvaluationFailure('D3010', { value: pattern, index: 2 });
  if (limit !== undefined && limit < 0) throw new EvaluationFailure('D3011', { value: limit, index: 4 });
  if (limit !== undefined && !(limit > 0)) return text;
  let result = '';
  let position = 0;
  let count = 0;
  if (typeof pattern === 'string') {
    for (let at = text.indexOf(pattern); at !== -1 && (limit === undefined || count < limit); at = text.indexOf(pattern, position)) {
      result += text.substring(position, at) + String(replacement);
      position = at + pattern.length;
      count += 1;
    }
    return result + text.substring(position);
  }
  let found = runMatcher(pattern, text);
  if (found === undefined) return text;
  while (found !== undefined && (limit === undefined || count < limit)) {
    result += text.substring(position, found.start);
    const substitute = typeof replacement === 'string' ? expandReplacement(replacement, found) : (replacement as (m: RegexMatch) => unknown)(found);
    if (typeof substitute !== 'string') throw new EvaluationFailure('D3012', { value: substitute });
    result += substitute;
    position = found.start + found.match.length;
    count += 1;
    found = found.next();
  }
  return result + text.substring(position);
}

/** `$0` the match, `$n` a group (as many digits as there are groups), `$$` a dollar sign. */
function expandReplacement(replacement: string, found: RegexMatch): string {
  let out = '';
  let position = 0;
  let at = replacement.indexOf('$', position);
  while (at !== -1 && position < replacement.length) {
    out += replacement.substring(position, at);
    position = at + 1;
    const next = replacement.charAt(position);
    if (next === '$') {
      out += '$';
      position += 1;
    } else if (next === '0') {
      out += found.match;
      position += 1;
    } else {
      const groups = found.groups.length;
      const digits = groups === 0 ? 1 : Math.floor(Math.log(groups) * Math.LOG10E) + 1;
      let index = parseInt(replacement.substring(position, position + digits), 10);
      if (digits > 1 && index > groups) index = parseInt(replacement.substring(position, position + digits - 1), 10);
      if (Number.isNaN(index)) out += '$';
      else {
        if (groups > 0 && found.groups[index - 1] !== undefined) out += found.groups[index - 1];
        position += index.toString().length;
      }
    }
    at = replacement.indexOf('$', position);
  }
  return out + replacement.substring(position);
}
