import { Redactor } from '@oih-suite/kit';
import { diagnose, ExitCode } from '../errors';
import type { LogLine } from '../runner/self';
import { wrap } from './table';

/**
 * Everything the CLI prints goes through here, so every line passes the kit's Redactor: secrets
 * from --cfg, the environment placeholders and any token the kit obtained never reach the screen.
 */
export class Ui {
  readonly redactor = new Redactor();

  constructor(readonly verbose: boolean) {}

  out(text: string): void {
    process.stdout.write(`${this.redactor.text(text)}\n`);
  }

  err(text: string): void {
    process.stderr.write(`${this.redactor.text(text)}\n`);
  }

  /** Component logs: shown with --verbose only (the summary and errors cover the normal case). */
  log(line: LogLine): void {
    if (!this.verbose) return;
    const fields = line.fields && typeof line.fields === 'object' ? JSON.stringify(this.redactor.fields(line.fields)) : '';
    this.err(`[${line.level}] ${String(line.message)} ${fields}`.trimEnd());
  }

  /** Prints what went wrong and what to do; the stack only with --verbose. Returns the exit code. */
  fail(error: unknown): ExitCode {
    const diagnosis = diagnose(error);
    this.err(wrap(`Error: ${diagnosis.message}`, '       '));
    if (diagnosis.hint) this.err(wrap(`Hint: ${diagnosis.hint}`, '      '));
    if (this.verbose && error instanceof Error && error.stack) this.err(error.stack);
    return diagnosis.code;
  }
}
