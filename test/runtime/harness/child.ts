import { ChildProcess, spawn } from 'node:child_process';

/** Every process a runtime test starts; `stopAll` (afterEach) ends whatever a failing test left. */
const running = new Set<Child>();

export interface ChildOptions {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  /** Own process group, so a shell wrapper and its children are signalled together. */
  group?: boolean;
  /** Lives across tests (the broker): `stopAll` leaves it to its owner. */
  suiteWide?: boolean;
}

/** A spawned process with its output kept (last lines) for failure messages, stopped by pid. */
export class Child {
  readonly process: ChildProcess;
  readonly lines: string[] = [];
  readonly exited: Promise<number | null>;
  exitCode: number | null | undefined;

  constructor(private readonly options: ChildOptions) {
    this.process = spawn(options.command, options.args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: options.group ?? false,
    });
    const keep = (chunk: Buffer): void => {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) this.lines.push(line);
      if (this.lines.length > 400) this.lines.splice(0, this.lines.length - 400);
    };
    this.process.stdout?.on('data', keep);
    this.process.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => {
      this.process.once('exit', (code) => {
        this.exitCode = code;
        running.delete(this);
        resolve(code);
      });
      this.process.once('error', (error) => {
        this.lines.push(`spawn failed: ${error.message}`);
        this.exitCode = null;
        running.delete(this);
        resolve(null);
      });
    });
    if (!options.suiteWide) running.add(this);
  }

  get alive(): boolean {
    return this.exitCode === undefined;
  }

  /** The last lines of output, for assertion messages. */
  tail(count = 30): string {
    return `--- last output of ${this.options.name} ---\n${this.lines.slice(-count).join('\n')}`;
  }

  /** SIGTERM (graceful: the runtimes finish the message in hand), then SIGKILL after `graceMs`. */
  async stop(graceMs = 8000): Promise<number | null> {
    if (!this.alive) return this.exitCode ?? null;
    this.signal('SIGTERM');
    const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), graceMs).unref());
    if ((await Promise.race([this.exited, timer])) === 'timeout') {
      this.lines.push(`(no exit ${graceMs} ms after SIGTERM: SIGKILL)`);
      this.signal('SIGKILL');
      await this.exited;
    }
    return this.exitCode ?? null;
  }

  private signal(signal: NodeJS.Signals): void {
    const pid = this.process.pid;
    if (pid === undefined) return;
    try {
      if (this.options.group) process.kill(-pid, signal);
      else process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((child) => child.stop(3000)));
}
