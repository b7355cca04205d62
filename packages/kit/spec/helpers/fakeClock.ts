import { timing } from '../../src/util/timing';
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

/** Installs a fresh FakeClock as the kit's clock for each test of the suite; read it through the returned getter. */
export function useFakeClock(): () => FakeClock {
  let clock: FakeClock;
  let previous: Clock;
  beforeEach(() => {
    previous = timing.clock;
    clock = new FakeClock();
    timing.clock = clock;
  });
  afterEach(() => {
    timing.clock = previous;
  });
  return () => clock;
}
