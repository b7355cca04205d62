import type { Clock } from '../../src/util/timing';

/** A clock that only moves when someone sleeps (or the test advances it): deterministic time. */
export class FakeClock implements Clock {
  readonly sleeps: number[] = [];

  constructor(public time = 1_700_000_000_000) {}

  now(): number {
    return this.time;
  }

  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.time += Math.max(0, ms);
  }

  advance(ms: number): void {
    this.time += ms;
  }
}
