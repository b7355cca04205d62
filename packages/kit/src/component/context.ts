import { ConnectorError, redactError } from '../errors';
import { Emitter, RuntimeSelf } from '../messages/emitter';
import { detectFormat } from '../messages/message';
import { Log, LoggerLike } from '../util/logger';
import { Redactor } from '../util/redact';

/** What every trigger and action gets: configuration, logging, emitting, all secret-safe. */
export interface ComponentContext<Cfg> {
  cfg: Cfg;
  log: Log;
  emitter: Emitter;
  redactor: Redactor;
  /** The runtime's `this`, for the rare direct need. */
  self: RuntimeSelf;
}

export type Config = Record<string, unknown>;

export function createContext<Cfg extends Config>(self: RuntimeSelf, cfg: Cfg, name: string): ComponentContext<Cfg> {
  const redactor = new Redactor().addFromConfig(cfg);
  const target = isLogger(self.logger) ? self.logger : consoleLogger;
  const log = new Log(target, redactor, { step: name });
  return { cfg: cfg ?? ({} as Cfg), log, emitter: new Emitter(self, detectFormat(), redactor), redactor, self };
}

function isLogger(value: unknown): value is LoggerLike {
  return !!value && typeof (value as LoggerLike).info === 'function' && typeof (value as LoggerLike).error === 'function';
}

const consoleLogger: LoggerLike = {
  debug: () => undefined,
  info: (fields, message) => console.log(JSON.stringify({ level: 'info', msg: message, ...(fields as object) })),
  warn: (fields, message) => console.warn(JSON.stringify({ level: 'warn', msg: message, ...(fields as object) })),
  error: (fields, message) => console.error(JSON.stringify({ level: 'error', msg: message, ...(fields as object) })),
};

/**
 * The end of every run that failed: transient trouble that outlasted the retry budget becomes a
 * `rebound` (the platform re-delivers the message later); everything else is thrown, and the
 * runtime turns it into an error message. Secrets are removed either way.
 */
/**
 * How a step ends on an error. An action rebounds a retryable one, so the platform delivers its
 * message again later. A polling trigger ends with the error instead: its snapshot after the last
 * complete page is already stored, and the next scheduled poll resumes from there.
 */
export async function finishWithError(ctx: ComponentContext<Config>, error: unknown, step: 'action' | 'trigger' = 'action'): Promise<void> {
  const err = error instanceof Error ? error : new Error(String(error));
  redactError(err, ctx.redactor);
  if (err instanceof ConnectorError && err.retryable && step === 'trigger') {
    ctx.log.warn('Poll ended early: the provider asks us to come back later; the next poll resumes after the last stored snapshot', {
      error: err.message,
      status: err.status,
    });
    throw err;
  }
  if (err instanceof ConnectorError && err.retryable) {
    ctx.log.warn('Rebounding: the provider asks us to come back later', { error: err.message, status: err.status });
    await ctx.emitter.rebound(err);
    return;
  }
  ctx.log.error('Failed', { error: err.message, status: err instanceof ConnectorError ? err.status : undefined });
  throw err;
}
