/**
 * Thrown while evaluating one record when it reaches something the synchronous evaluator cannot
 * reproduce exactly (a native binding that returns a promise, a date outside years 0–9999): that
 * record is evaluated again by jsonata, whose result is the reference.
 */
export class NeedsInterpreter extends Error {
  constructor(readonly reason: string) {
    super(`compiled mapping hands this record to jsonata: ${reason}`);
    this.name = 'NeedsInterpreter';
  }
}
