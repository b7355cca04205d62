import { Redactor } from './redact';

/** The subset of bunyan (sailor, ferryman) and console we rely on. */
export interface LoggerLike {
  debug?(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn?(...args: unknown[]): void;
  error(...args: unknown[]): void;
  /** bunyan's child logger with fixed fields (sailor's and ferryman's component loggers have it). */
  child?(fields: Record<string, unknown>): LoggerLike;
}

export type LogFields = Record<string, unknown>;

/**
 * Structured logging: a message plus fields (record counts, pages, retries, waits), always
 * passed through the redactor. Bunyan-style loggers get `(fields, message)`.
 */
export class Log {
  constructor(
    private readonly target: LoggerLike,
    private readonly redactor: Redactor = new Redactor(),
    private readonly base: LogFields = {},
  ) {}

  child(fields: LogFields): Log {
    return new Log(this.target, this.redactor, { ...this.base, ...fields });
  }

  debug(message: string, fields: LogFields = {}): void {
    this.write('debug', message, fields);
  }
  info(message: string, fields: LogFields = {}): void {
    this.write('info', message, fields);
  }
  warn(message: string, fields: LogFields = {}): void {
    this.write('warn', message, fields);
  }
  error(message: string, fields: LogFields = {}): void {
    this.write('error', message, fields);
  }

  private write(level: 'debug' | 'info' | 'warn' | 'error', message: string, fields: LogFields): void {
    const safeFields = this.redactor.fields({ ...this.base, ...fields });
    const text = this.redactor.text(message);
    // sailor's and ferryman's component loggers turn a first argument that is not text into
    // "[object Object]": the fields go through a bunyan child there, so each stays a JSON property.
    if (typeof this.target.child === 'function') {
      const child = this.target.child(safeFields);
      (child[level] ?? child.info).call(child, text);
      return;
    }
    // Called on the target (bunyan's methods need their `this`); a level it lacks goes to info.
    if (this.target[level]) this.target[level](safeFields, text);
    else this.target.info(safeFields, text);
  }
}

export const silentLogger: LoggerLike = { info: () => undefined, error: () => undefined };
