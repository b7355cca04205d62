/** What the strict readers share: "absent" and how a rejected value is quoted in an error. */

/** undefined, null and '' mean "not given" (the platforms send '' for an empty field). */
export function isAbsent(value: unknown): value is undefined | null | '' {
  return value === undefined || value === null || value === '';
}

/** A short, printable form of a rejected value (JSON for objects and arrays, cut at 60 characters). */
export function quote(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = `"${value}"`;
  else if (typeof value === 'function') text = 'a function';
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = Object.prototype.toString.call(value);
    }
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
