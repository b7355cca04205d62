import type { RuntimeSelf } from '../messages/emitter';

export interface RecordedEvent {
  event: string;
  payload: unknown;
}

/** A stand-in for the runtime's `this` that records every emit in order. */
export class RecordingSelf implements RuntimeSelf {
  readonly events: RecordedEvent[] = [];
  readonly logs: { level: string; fields: unknown; message: unknown }[] = [];
  readonly logger = {
    debug: (fields: unknown, message: unknown) => this.logs.push({ level: 'debug', fields, message }),
    info: (fields: unknown, message: unknown) => this.logs.push({ level: 'info', fields, message }),
    warn: (fields: unknown, message: unknown) => this.logs.push({ level: 'warn', fields, message }),
    error: (fields: unknown, message: unknown) => this.logs.push({ level: 'error', fields, message }),
  };

  async emit(event: string, payload?: unknown): Promise<void> {
    // Runtimes serialise what they emit; so do we, so later mutation cannot change the record.
    this.events.push({ event, payload: payload instanceof Error ? payload : JSON.parse(JSON.stringify(payload ?? null)) });
  }

  of(event: string): unknown[] {
    return this.events.filter((e) => e.event === event).map((e) => e.payload);
  }

  get data(): Record<string, unknown>[] {
    return this.of('data') as Record<string, unknown>[];
  }

  get snapshots(): Record<string, unknown>[] {
    return this.of('snapshot') as Record<string, unknown>[];
  }

  get rebounds(): Error[] {
    return this.of('rebound') as Error[];
  }

  get lastSnapshot(): Record<string, unknown> | undefined {
    const all = this.snapshots;
    return all[all.length - 1];
  }
}

export type AnyProcess = (this: RuntimeSelf, msg: unknown, cfg: Record<string, unknown>, snapshot?: unknown) => Promise<void>;

export interface RunOutcome {
  self: RecordingSelf;
  error?: Error;
}

/** Calls a component's `process` as the runtime would and records the outcome (a thrown error included). */
export async function runProcess(process: AnyProcess, msg: unknown, cfg: Record<string, unknown>, snapshot?: unknown): Promise<RunOutcome> {
  const self = new RecordingSelf();
  try {
    await process.call(self, msg, cfg, snapshot ?? {});
    return { self };
  } catch (error) {
    return { self, error: error as Error };
  }
}

/** The record id of an emitted message of either runtime shape. */
export function recordIdOf(message: unknown): string {
  const m = message as { metadata?: { recordUid?: unknown } };
  return String(m?.metadata?.recordUid);
}
