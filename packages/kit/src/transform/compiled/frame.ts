/**
 * Variable scopes as JSONata has them: a block, a lambda call and a positional-binding step each
 * open a frame; `:=` binds in the current one; a name bound to undefined still hides outer ones.
 * The outermost frame holds the evaluation's bindings (`$metadata`, a component's native helpers),
 * and below it the built-in functions.
 */
export class Frame {
  private readonly values: Map<string, unknown> = new Map();

  constructor(
    private readonly parent: Frame | undefined,
    private readonly fallback?: (name: string) => unknown,
  ) {}

  bind(name: string, value: unknown): void {
    this.values.set(name, value);
  }

  lookup(name: string): unknown {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- walks up the chain of frames
    let frame: Frame | undefined = this;
    while (frame) {
      if (frame.values.has(name)) return frame.values.get(name);
      if (!frame.parent) return frame.fallback?.(name);
      frame = frame.parent;
    }
    return undefined;
  }
}
