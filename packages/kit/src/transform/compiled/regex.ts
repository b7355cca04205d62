import { EvaluationFailure } from './evaluationFailure';
import { NeedsInterpreter } from './needsInterpreter';
import { isFunction } from './values';

/** One match of a regular expression, as JSONata hands it to its string functions. */
export interface RegexMatch {
  match: string;
  start: number;
  end: number;
  groups: (string | undefined)[];
  next: () => RegexMatch | undefined;
}

export type Matcher = (text: string, fromIndex?: number) => RegexMatch | undefined;

/**
 * A regex literal evaluates to a matcher function (JSONata compiles `/…/flags` with the `g` flag
 * added); each match knows how to find the next one and refuses to loop on an empty match.
 */
export function createMatcher(regex: RegExp): Matcher {
  const matcher: Matcher = (text, fromIndex) => {
    regex.lastIndex = fromIndex ?? 0;
    const found = regex.exec(text);
    if (found === null) return undefined;
    const result: RegexMatch = {
      match: found[0],
      start: found.index,
      end: found.index + found[0].length,
      groups: found.slice(1),
      next: () => {
        if (regex.lastIndex >= text.length) return undefined;
        const next = matcher(text, regex.lastIndex);
        if (next && next.match === '') throw new EvaluationFailure('D1004', { value: regex.source });
        return next;
      },
    };
    return result;
  };
  return matcher;
}

/** Calls a matcher argument; a native function must answer in the same structure (T1010). */
export function runMatcher(matcher: unknown, text: string): RegexMatch | undefined {
  if (typeof matcher !== 'function') throw new NeedsInterpreter('a JSONata function used as a matcher');
  const result = (matcher as (text: string) => unknown)(text) as RegexMatch | undefined;
  if (result && !(typeof result.start === 'number' || Array.isArray(result.groups) || isFunction(result.next))) throw new EvaluationFailure('T1010');
  return result;
}
