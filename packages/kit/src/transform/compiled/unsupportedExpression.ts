/**
 * The compiled evaluator does not implement this part of JSONata (a node type, flag or function),
 * so the expression runs on jsonata itself: never a silent change of meaning.
 */
export class UnsupportedExpression extends Error {
  constructor(readonly reason: string) {
    super(`not compiled: ${reason}`);
    this.name = 'UnsupportedExpression';
  }
}
