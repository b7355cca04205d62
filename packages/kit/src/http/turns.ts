/** Serves callers one after another in call order; one caller's failure does not block the next. */
export class Turns {
  private queue: Promise<void> = Promise.resolve();

  take<T>(fn: () => Promise<T>): Promise<T> {
    const turn = this.queue.then(fn);
    this.queue = turn.then(
      () => undefined,
      () => undefined,
    );
    return turn;
  }
}
