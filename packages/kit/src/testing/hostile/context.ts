import type { SimulatorServer } from '../../simulator/server';
import { RunOutcome, runProcess } from '../recorder';
import type { ActionCase, HostileProviderFixture } from './fixture';

/** What every case of the suite gets: the fixture, and its simulator started fresh for the case. */
export interface HostileContext {
  fixture: HostileProviderFixture;
  cfg: Record<string, unknown>;
  sim: SimulatorServer;
}

export const TICK = { body: {}, data: {} };

/** Records are written and read at once here, so the safety lag is 0 unless a case sets it. */
export function runTrigger(ctx: HostileContext, snapshot: unknown = {}, cfg: Record<string, unknown> = ctx.cfg): Promise<RunOutcome> {
  return runProcess(ctx.fixture.trigger.trigger.process, TICK, { safetyLagSeconds: 0, ...cfg }, snapshot);
}

export function runAction(ctx: HostileContext, action: ActionCase, message: unknown): Promise<RunOutcome> {
  return runProcess(action.step.process, message, { ...ctx.cfg, ...(action.cfg ?? {}) });
}

/** Runs `fn` and returns how many requests reached the simulator meanwhile. */
export async function requestsDuring<T>(ctx: HostileContext, fn: () => Promise<T>): Promise<{ result: T; requests: number }> {
  const before = ctx.sim.stats.requests;
  const result = await fn();
  return { result, requests: ctx.sim.stats.requests - before };
}
