import { expect } from 'chai';
import type { RunOutcome } from '../recorder';
import { recordIdOf } from '../recorder';
import { HostileContext, runTrigger } from './context';

/** Lets the clock move past records written "now" (the upper bound is fixed when a run starts). */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 3));
}

export function emittedIds(ctx: HostileContext, outcome: RunOutcome): string[] {
  const trigger = ctx.fixture.trigger;
  return outcome.self.data.map((m) => (trigger.idOf ? trigger.idOf(m) : recordIdOf(m)));
}

/**
 * A run that meets `fault` after its first page must fail (an error or a rebound), never end as if
 * the data ended; the next run, from the last snapshot it kept, emits every record exactly once.
 */
export async function expectScanSurvives(ctx: HostileContext, cfg: Record<string, unknown>, inject: () => void): Promise<RunOutcome> {
  const created = await ctx.fixture.trigger.addRecords(25);
  await settle();
  inject();
  const broken = await runTrigger(ctx, {}, cfg);
  expect(ctx.sim.stats.faults, 'the fault was met').to.be.greaterThan(0);
  expect(broken.error ?? broken.self.rebounds[0], 'the run meeting the fault must fail, not end as if the data ended').to.be.instanceOf(Error);
  ctx.sim.clearFaults();
  const next = await runTrigger(ctx, broken.self.lastSnapshot ?? {}, cfg);
  expect(next.error).to.equal(undefined);
  const all = [...emittedIds(ctx, broken), ...emittedIds(ctx, next)];
  expect(all.length, `duplicates in ${all.join(',')}`).to.equal(new Set(all).size);
  expect([...all].sort()).to.deep.equal([...created].sort());
  return broken;
}
