import { metrics } from '@oih-suite/kit/engine';
import { formatMs } from './table';

/**
 * Progress of a long run on stderr: one line redrawn in place on a terminal, a plain line every
 * few seconds otherwise (logs and CI keep a readable trail). Quiet for runs shorter than that.
 */
export class Progress {
  private timer?: NodeJS.Timeout;
  private readonly started = Date.now();
  private drawn = false;
  private readonly base = metrics.toJSON();

  constructor(
    private readonly label: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly plainEveryMs = 3000,
  ) {}

  start(): this {
    const tty = !!this.stream.isTTY;
    this.timer = setInterval(() => this.tick(tty), tty ? 200 : this.plainEveryMs);
    this.timer.unref();
    return this;
  }

  /** The current counts as one line (also used by the demo between steps). */
  line(): string {
    const now = metrics.toJSON();
    const d = (key: string) => (now[key] ?? 0) - (this.base[key] ?? 0);
    const waiting = d('retryWaitMs') + d('throttleWaitMs');
    const parts = [`${d('messages')} messages`, `${d('tombstones')} tombstones`, `${d('pages')} pages`, `${d('requests')} requests`];
    if (waiting > 0) parts.push(`${formatMs(waiting)} waiting on rate limits`);
    return `${this.label}: ${parts.join(' · ')} · ${formatMs(Date.now() - this.started)}`;
  }

  private tick(tty: boolean): void {
    if (tty) {
      const width = (this.stream.columns || 100) - 1;
      this.stream.write(`\r${this.line().slice(0, width).padEnd(width)}`);
      this.drawn = true;
    } else {
      this.stream.write(`${this.line()}\n`);
    }
  }

  /** Erases the drawn line so that a row written to the same terminal starts clean; the next tick redraws it. */
  clear(): void {
    if (this.drawn) this.stream.write(`\r${' '.repeat((this.stream.columns || 100) - 1)}\r`);
    this.drawn = false;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.clear();
  }
}
