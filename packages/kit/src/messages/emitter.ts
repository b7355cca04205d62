import { redactError } from '../errors/redactError';
import { metrics } from '../util/metrics';
import type { Redactor } from '../util/redact';
import { MessageFormat, OihMessage, isTombstone, toRuntimeMessage } from './message';

/** What sailor and ferryman bind `this` to in `process`. */
export interface RuntimeSelf {
  emit(event: string, payload?: unknown): unknown;
  logger?: unknown;
}

/**
 * Every emit goes through here: awaited (the runtimes apply flow control on the promise),
 * converted to the runtime's message shape, secrets removed.
 */
export class Emitter {
  constructor(
    private readonly self: RuntimeSelf,
    readonly format: MessageFormat,
    private readonly redactor: Redactor,
  ) {}

  async data(message: OihMessage): Promise<void> {
    await this.self.emit('data', this.redactor.value(toRuntimeMessage(message, this.format)));
    if (isTombstone(message)) metrics.tombstones += 1;
    else metrics.messages += 1;
  }

  async snapshot(snapshot: object): Promise<void> {
    await this.self.emit('snapshot', this.redactor.value(snapshot));
    metrics.snapshots += 1;
  }

  async rebound(error: Error): Promise<void> {
    await this.self.emit('rebound', safeError(error, this.redactor));
  }

  async error(error: Error): Promise<void> {
    metrics.errors += 1;
    await this.self.emit('error', safeError(error, this.redactor));
  }

  /** Hands rotated OAuth tokens back to the platform (sailor only; ferryman ignores it). */
  async updateKeys(keys: Record<string, unknown>): Promise<void> {
    await this.self.emit('updateKeys', keys);
  }
}

/** The same error with secrets removed from its message, stack, every property and its causes. */
export function safeError<E extends Error>(error: E, redactor: Redactor): E {
  return redactError(error, redactor);
}
