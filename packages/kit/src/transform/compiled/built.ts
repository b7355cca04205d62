/**
 * What lets an evaluation's result go out without the Transformer's JSON copy (toPlainJson): the
 * object and array constructors register every container they build during one evaluation, and a
 * result whose every container is one of those, met once, with plain JSON values only (text,
 * booleans, null, finite numbers other than -0, plain objects and arrays without JSONata's markers
 * or undefined items), is exactly what toPlainJson would make of it. Anything else (a value read
 * from the input, a sequence, a function, a container met twice) is copied as before, so the
 * emitted message never shares an object with the input record or with itself.
 */
import { toPlainJson } from '../plainJson';
import type { Sequence } from './values';

/** Beyond this many containers the check is not worth it: the result is copied. */
const MAX_TRACKED = 256;

let tracked: object[] | undefined;

/** Called by the constructors with each container they return. */
export function registerBuilt(container: object): void {
  if (tracked !== undefined && tracked.length < MAX_TRACKED) tracked.push(container);
}

/** Starts tracking into `built` (or stops, with undefined); returns what was tracked before, to be restored. */
export function trackBuilt(built: object[] | undefined): object[] | undefined {
  const outer = tracked;
  tracked = built;
  return outer;
}

/** The result as toPlainJson makes it: itself when it is plain JSON built by this evaluation, else the copy. */
export function plainResult(result: unknown, built: object[]): unknown {
  if (built.length < MAX_TRACKED && !inheritsEnumerable() && isPlainBuilt(result, built)) return result;
  return toPlainJson(result);
}

/** An enumerable field added to Object.prototype would show in `for…in` below (and nowhere in toPlainJson's copy). */
function inheritsEnumerable(): boolean {
  for (const key in EMPTY) if (key !== undefined) return true;
  return false;
}

const EMPTY = Object.freeze({});

/** Takes `container` out of `built` (so a second occurrence fails); false when it is not there. */
function claim(container: object, built: object[]): boolean {
  const at = built.lastIndexOf(container);
  if (at < 0) return false;
  built[at] = built[built.length - 1];
  built.pop();
  return true;
}

function isPlainBuilt(value: unknown, built: object[]): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0);
    case 'object':
      break;
    default:
      return false;
  }
  if (value === null) return true;
  if (!claim(value, built)) return false;
  if (Array.isArray(value)) {
    const markers = value as Sequence;
    if (markers.sequence || markers.cons || markers.keepSingleton || markers.outerWrapper) return false;
    for (let i = 0; i < value.length; i += 1) {
      const item: unknown = value[i];
      if (item === undefined || !isPlainBuilt(item, built)) return false;
    }
    return true;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  const record = value as Record<string, unknown>;
  if (record._jsonata_lambda === true || record._jsonata_function === true) return false;
  for (const key in record) if (!isPlainBuilt(record[key], built)) return false; // own fields only: none is inherited (see inheritsEnumerable)
  return true;
}
