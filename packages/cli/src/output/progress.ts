import { now } from '@oih-suite/kit';
import { metrics, waiting } from '@oih-suite/kit/engine';
import { count, formatMs } from './table';

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
    const counters = metrics.toJSON();
    const d = (key: string) => (counters[key] ?? 0) - (this.base[key] ?? 0);
    const waited = d('retryWaitMs') + d('throttleWaitMs');
    const parts = [count(d('messages'), 'message'), count(d('tombstones'), 'tombstone'), count(d('pages'), 'page'), count(d('requests'), 'request')];
    if (waited > 0) parts.push(`${formatMs(waited)} waited`);
    // A wait in progress shows while it lasts (the counters above only grow once it is over).
    const current = waiting.current;
    const left = current ? current.untilMs - now() : 0;
    if (current && left > 0) parts.push(`waiting ${formatMs(left)} on ${current.reason}`);
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
