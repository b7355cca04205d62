/**
 * Variable scopes as JSONata has them: a block, a lambda call and a positional-binding step each
 * open a frame; `:=` binds in the current one; a name bound to undefined still hides outer ones.
 * The outermost frame holds the evaluation's bindings (`$metadata`, a component's native helpers),
 * and below it the built-in functions.
 */
export class Frame {
  /** Names and values side by side: a frame holds a few bindings, found faster by a scan than in a Map (made on the first bind). */
  private names: string[] | undefined;
  private values: unknown[] | undefined;

  constructor(
    private readonly parent: Frame | undefined,
    private readonly fallback?: (name: string) => unknown,
  ) {}

  bind(name: string, value: unknown): void {
    if (this.names === undefined || this.values === undefined) {
      this.names = [name];
      this.values = [value];
      return;
    }
    const at = this.names.indexOf(name);
    if (at >= 0) this.values[at] = value;
    else {
      this.names.push(name);
      this.values.push(value);
    }
  }

  lookup(name: string): unknown {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- walks up the chain of frames
    let frame: Frame | undefined = this;
    while (frame) {
      const at = frame.names === undefined ? -1 : frame.names.indexOf(name);
      if (at >= 0) return (frame.values as unknown[])[at];
      if (!frame.parent) return frame.fallback?.(name);
      frame = frame.parent;
    }
    return undefined;
  }
}
