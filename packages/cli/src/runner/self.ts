import type { RuntimeSelfLike } from '../workspace';

/** What the CLI does with each event a component emits. */
export interface EmitHandlers {
  data?(message: unknown): void | Promise<void>;
  snapshot?(snapshot: unknown): void | Promise<void>;
  error?(error: unknown): void | Promise<void>;
  rebound?(error: unknown): void | Promise<void>;
  updateKeys?(keys: unknown): void | Promise<void>;
}

export interface LogLine {
  level: string;
  fields: unknown;
  message: unknown;
}

/**
 * The runtime's `this` for a local run: `emit` resolves only once the handler is done (the state
 * file is on disk before the component goes on, as with sailor's flow control), and the logger is
 * bunyan-shaped so the kit's `Log` writes `(fields, message)` to it.
 */
export class CliSelf implements RuntimeSelfLike {
  readonly logger: Record<'debug' | 'info' | 'warn' | 'error', (fields: unknown, message: unknown) => void>;

  constructor(
    private readonly handlers: EmitHandlers,
    onLog: (line: LogLine) => void,
  ) {
    const at = (level: string) => (fields: unknown, message: unknown) => onLog({ level, fields, message });
    this.logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  }

  async emit(event: string, payload?: unknown): Promise<void> {
    const handler = (this.handlers as Record<string, ((value: unknown) => void | Promise<void>) | undefined>)[event];
    if (handler) await handler(payload);
  }
}
