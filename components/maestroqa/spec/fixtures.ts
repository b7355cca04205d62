import { resetSharedThrottles, timing } from '@oih-suite/kit/engine';
import type { TriggerContractFixture } from '@oih-suite/kit/testing';
import { MaestroSimulator, startSimulator } from '../simulator';

/** Compresses the client's throttle windows (the simulator's limits are off) and restores them. */
export async function startQuietSimulator(): Promise<MaestroSimulator> {
  resetSharedThrottles();
  timing.intervalScale = 0.001;
  return startSimulator({ rateLimits: false });
}

export async function stopQuietSimulator(sim: MaestroSimulator | undefined): Promise<void> {
  timing.intervalScale = 1;
  resetSharedThrottles();
  await sim?.stop();
}

/** CSV times have whole seconds: let the second of a change end, so a run right after it may read it. */
export async function nextSecond(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 1001 - (Date.now() % 1000)));
}

type Trigger = TriggerContractFixture['trigger'];
type Parts = Omit<TriggerContractFixture, 'trigger' | 'start' | 'stop'>;

/** A contract fixture on a quiet simulator: `setup` prepares it and returns the step's extra configuration. */
function quietFixture(trigger: Trigger, setup: (sim: MaestroSimulator) => Record<string, unknown>, parts: (sim: () => MaestroSimulator) => Parts) {
  let sim: MaestroSimulator | undefined;
  return {
    trigger,
    async start() {
      sim = await startQuietSimulator();
      return { cfg: { ...sim.cfg, ...setup(sim) }, sim: sim.server };
    },
    stop: () => stopQuietSimulator(sim),
    ...parts(() => sim!),
  };
}

export function coachingFixture(trigger: Trigger): TriggerContractFixture {
  // 200 days back: the first run reads three 90-day windows, later runs one.
  const setup = () => ({ startTime: new Date(Date.now() - 200 * 86_400_000).toISOString(), lookbackDays: 2 });
  return quietFixture(trigger, setup, (sim) => ({
    addRecords(count, options) {
      const now = Date.now();
      return Array.from({ length: count }, (_, i) => String(sim().addSession(options?.sameTime ? now : now - count + i)._id));
    },
    touchRecords(ids) {
      for (const id of ids) sim().updateSession(id);
    },
    breakRecordId(id, value) {
      sim().sessions.find((s) => s._id === id)!._id = value;
    },
    isPageRequest: (req) => req.path === '/api/v1/coaching-sessions',
  }));
}

/** Every request of the export flow (request, status polls, download) reads the trigger's records. */
const exportRequest = (req: { path: string }) => req.path !== '/api/v1/coaching-sessions';

export function rawExportFixture(trigger: Trigger): TriggerContractFixture {
  return quietFixture(
    trigger,
    () => ({ exportType: 'total_scores' }),
    (sim) => ({
      // CSV times have whole seconds, so records added together always share one timestamp.
      async addRecords(count) {
        const rows = sim().addRows('total_scores', count);
        await nextSecond();
        return rows.map((r) => `${r.gradable_id}|${r.date_reported_as}`);
      },
      breakRecordId(id, value) {
        const [gradableId, reportedAs] = id.split('|');
        const row = sim()
          .rows.get('total_scores')!
          .find((r) => r.gradable_id === gradableId && r.date_reported_as === reportedAs)!;
        row.gradable_id = csvCell(value);
      },
      async touchRecords(ids) {
        sim().touchRows(
          'total_scores',
          ids.map((id) => id.split('|')[0]),
        );
        await nextSecond();
      },
      isPageRequest: exportRequest,
    }),
  );
}

/**
 * A broken id as a CSV file can carry it: a cell is text, so a gone field is an empty cell and an
 * object is the text a careless writer makes of it, "[object Object]".
 */
function csvCell(value: unknown): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : Object.prototype.toString.call(value);
}

/** The groups export has no times: the trigger finds new and changed rows by their content. */
export function agentGroupsFixture(trigger: Trigger): TriggerContractFixture {
  // The seed agents are not the contract's records: a first run would read them once, unasked.
  const setup = (sim: MaestroSimulator) => (sim.agents.splice(0), {});
  return quietFixture(trigger, setup, (sim) => ({
    addRecords: (count) =>
      sim()
        .addAgents(count)
        .map((a) => `${a.groupId}|${a.email}`),
    touchRecords: (ids) => sim().renameAgents(ids.map((id) => id.split('|')[1])),
    breakRecordId(id, value) {
      const [groupId, email] = id.split('|');
      sim().agents.find((a) => a.groupId === groupId && a.email === email)!.groupId = csvCell(value);
    },
    isPageRequest: exportRequest,
    // No change times: the safety lag holds nothing back (the stream's source says changeTimes: false).
    untimed: true,
  }));
}
