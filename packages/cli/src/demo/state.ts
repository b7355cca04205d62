import fs from 'node:fs';
import path from 'node:path';
import { writeState } from '../state';

/** What the demo remembers between runs: the snapshot of every trigger step and how many runs completed. */
export interface DemoStateData {
  runs: number;
  lastRunAt?: string;
  /** The clock the simulators seed at (the first run's time), kept so every run has the same data. */
  seedTime?: number;
  snapshots: Record<string, unknown>;
}

/**
 * The demo's state folder (`.state/demo` at the repo root, git-ignored). Snapshots are committed
 * only when the whole flow succeeded: a run that fails halfway is redone from the old snapshots,
 * so no message is lost between a trigger and the actions after it (at-least-once, as in OIH).
 */
export class DemoState {
  private readonly file: string;
  data: DemoStateData;

  constructor(readonly dir: string) {
    this.file = path.join(dir, 'state.json');
    this.data = fs.existsSync(this.file) ? (JSON.parse(fs.readFileSync(this.file, 'utf8')) as DemoStateData) : { runs: 0, snapshots: {} };
  }

  static reset(dir: string): void {
    fs.rmSync(dir, { recursive: true, force: true });
  }

  snapshot(step: string): unknown {
    return this.data.snapshots[step] ?? {};
  }

  get seedTime(): number {
    this.data.seedTime ??= Date.now();
    return this.data.seedTime;
  }

  commit(snapshots: Record<string, unknown>): void {
    this.data = {
      runs: this.data.runs + 1,
      lastRunAt: new Date().toISOString(),
      seedTime: this.seedTime,
      snapshots: { ...this.data.snapshots, ...snapshots },
    };
    writeState(this.file, this.data);
  }

  /** Where a step writes the messages it emitted (the "out" of the flow), one JSON line each. */
  outputFile(name: string): string {
    fs.mkdirSync(path.join(this.dir, 'out'), { recursive: true });
    return path.join(this.dir, 'out', name);
  }
}
