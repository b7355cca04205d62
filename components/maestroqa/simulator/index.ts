import { Readable } from 'node:stream';
import { SeededRandom, SimRequest, SimResponse, SimulatorServer } from '@oih-suite/kit/simulator';
import { AGENTS, EXPORT_COLUMNS, Sim, csvLine, csvTime, makeRow, makeSession } from './data';
import type { SimulatorOptions } from '@oih-suite/kit/simulator';

export type { SimulatorOptions };

export const SIM_TOKEN = 'sim-maestroqa-token-0001';
const DAY = 86_400_000;
/** The documented limits, written out here rather than taken from the client: the simulator checks the client. */
const HARD_LIMITS = [
  { limit: 1, intervalMs: 1000 },
  { limit: 30, intervalMs: 60_000 },
];
const GENERAL_LIMITS = [
  { limit: 10, intervalMs: 1000 },
  { limit: 100, intervalMs: 60_000 },
];

interface ExportJob {
  id: string;
  kind: string;
  rows: Record<string, string>[];
  columns: string[];
  polls: number;
  fail: boolean;
}

/**
 * A MaestroQA stand-in: the coaching export (both time axes, the 90-day limit answered with 400
 * `{"error"}`, the hard bucket's 429 bodies for the second and the minute), raw and groups export
 * jobs moving requested → in_progress → complete (or errored), and pre-signed CSV downloads.
 */
export async function startSimulator(options: SimulatorOptions = {}) {
  const random = new SeededRandom(options.seed ?? 7);
  const server = new SimulatorServer('maestroqa');
  server.intervalScale = options.intervalScale ?? 1;
  const sessions: Sim[] = [];
  const rows = new Map<string, Record<string, string>[]>(Object.keys(EXPORT_COLUMNS).map((t) => [t, []]));
  const jobs = new Map<string, ExportJob>();
  // Agents in groups: the seed four, then whatever tests add; the groups export lists them.
  const agents = AGENTS.map((a) => ({ ...a }));
  let rowCounter = 0;
  let jobCounter = 0;
  const state = { failNextExport: false, completedSpelling: 'complete', pollsToComplete: 2 };

  const controls = {
    sessions,
    rows,
    agents,
    jobs,
    state,
    /** Adds a session created (and updated) at `at`. */
    addSession(at = Date.now(), extra: Sim = {}): Sim {
      const session = { ...makeSession(random, at), ...extra };
      sessions.push(session);
      return session;
    },
    /** Changes a session now (its updatedAt moves; createdAt stays). */
    updateSession(id: string, changes: Sim = {}, at = Date.now()): Sim {
      const session = sessions.find((s) => s._id === id);
      if (!session) throw new Error(`no session ${id}`);
      Object.assign(session, { coachNotes: `edited ${at}`, ...changes, updatedAt: new Date(at).toISOString() });
      return session;
    },
    /** Adds rows graded at `at`, or spread one per `spreadMs` before it (seed data). */
    addRows(type: string, count: number, at = Date.now(), spreadMs = 0): Record<string, string>[] {
      const list = rows.get(type)!;
      const added = Array.from({ length: count }, (_, i) => makeRow(random, type, ++rowCounter, at - (count - 1 - i) * spreadMs));
      for (const row of added) list.push(row); // no spread: large benchmark counts overflow the stack
      return added;
    },
    /** Regrades rows now: same key, new date_graded. */
    touchRows(type: string, ids: string[], at = Date.now()): void {
      for (const row of rows.get(type)!) if (ids.includes(row.gradable_id)) row.date_graded = csvTime(at);
    },
    failNextExport(): void {
      state.failNextExport = true;
    },
    /** Adds agents to a group; returns them. */
    addAgents(count: number, group = 'Tier 3', groupId = 'groupid3'): (typeof agents)[number][] {
      const added = Array.from({ length: count }, (_, i) => {
        const n = agents.length + i + 1;
        return { id: String(10061553700000 + n), name: `Agent ${n}`, email: `agent${n}@example.com`, group, groupId, available: true };
      });
      agents.push(...added);
      return added;
    },
    /** Renames agents (by e-mail): their rows in the groups export change. */
    renameAgents(emails: string[], suffix = 'Renamed'): void {
      for (const agent of agents) if (emails.includes(agent.email)) agent.name = `${agent.name} ${suffix}`;
    },
  };

  const authorized = (req: SimRequest) => req.headers.apitoken === SIM_TOKEN;
  const unauthorized: SimResponse = { status: 401, body: { error: 'Invalid API token' } };

  server.route('POST', '/api/v1/coaching-sessions', (req) => {
    if (!authorized(req)) return unauthorized;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const start = day(body.startDate);
    const end = day(body.endDate);
    if (start === undefined || end === undefined) return { status: 400, body: { error: 'startDate and endDate must be dates in YYYY-MM-DD format' } };
    if (body.timeAxis !== 'createdAt' && body.timeAxis !== 'meetingDate')
      return { status: 400, body: { error: 'timeAxis must be "meetingDate" or "createdAt"' } };
    if (end < start) return { status: 400, body: { error: 'endDate must not be before startDate' } };
    if (end - start > 90 * DAY) return { status: 400, body: { error: 'endDate must be within 90 days of startDate' } };
    const axis = body.timeAxis;
    return { body: sessions.filter((s) => inDays(String(s[axis]), start, end)) };
  });

  const startJob = (kind: string, list: Record<string, string>[], columns: string[]): SimResponse => {
    const id = `exp_${(++jobCounter).toString(36)}_${Math.floor(random.next() * 1e9).toString(36)}`;
    jobs.set(id, { id, kind, rows: list.map((r) => ({ ...r })), columns, polls: 0, fail: state.failNextExport });
    state.failNextExport = false;
    return { body: { exportId: id } };
  };

  server.route('POST', '/api/v1/request-raw-export', (req) => {
    if (!authorized(req)) return unauthorized;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const start = Date.parse(String(body.startDate));
    const end = Date.parse(String(body.endDate));
    if (!isoSeconds(body.startDate) || !isoSeconds(body.endDate) || end < start)
      return { status: 400, body: { error: 'startDate and endDate must be ISO 8601 UTC times' } };
    const type = String(body.singleFileExport ?? '');
    // Without singleFileExport MaestroQA sends a zip of all five files; the simulator serves single files only.
    if (!EXPORT_COLUMNS[type]) return { status: 400, body: { error: `singleFileExport must be one of ${Object.keys(EXPORT_COLUMNS).join(', ')}` } };
    // "Include grades that were updated between start and end" (inclusive, whole seconds).
    const list = rows.get(type)!.filter((r) => {
      const t = Date.parse(`${r.date_graded.replace(' ', 'T')}Z`);
      return t >= start && t <= end;
    });
    return startJob(type, list, EXPORT_COLUMNS[type]);
  });

  server.route('POST', '/api/v1/request-groups-export', (req) => {
    if (!authorized(req)) return unauthorized;
    const include = ((req.body ?? {}) as Record<string, unknown>).includeUnavailable === true;
    const list = agents
      .filter((a) => include || a.available)
      .map((a) => ({
        group_name: a.group,
        group_id: a.groupId,
        agent_name: a.name,
        agent_email: a.email,
        agent_ids: a.id,
        available: a.available ? 'True' : 'False',
      }));
    return startJob('groups', list, ['group_name', 'group_id', 'agent_name', 'agent_email', 'agent_ids', 'available']);
  });

  const status = (req: SimRequest, id: string | undefined): SimResponse => {
    if (!authorized(req)) return unauthorized;
    const job = id ? jobs.get(id) : undefined;
    if (!job) return { status: 404, body: { error: `Export ${id ?? '(none)'} not found` } };
    job.polls += 1;
    if (job.polls === 1) return { body: { status: 'requested' } };
    if (job.polls <= state.pollsToComplete) return { body: { status: 'in_progress' } };
    if (job.fail) return { body: { status: 'errored' } };
    return { body: { status: state.completedSpelling, dataUrl: `${req.origin}/downloads/${job.id}.csv?X-Amz-Signature=sim` } };
  };
  // The legacy poll takes the id as a header (Airbyte), a JSON body (singer taps) or a query parameter.
  server.route('GET', '/api/v1/get-export-data', (req) => {
    const body = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
    return status(req, req.headers.exportid ?? req.query.exportId ?? (body.exportId as string | undefined));
  });
  server.route('GET', '/api/v1/export-data/:id', (req) => status(req, req.params.id));

  server.route('GET', '/downloads/:file', (req) => {
    // A pre-signed URL: credentials must not be sent along.
    if (req.headers.apitoken) return { status: 400, body: { error: 'Pre-signed URLs take no apiToken header' } };
    const job = jobs.get(req.params.file.replace(/\.csv$/, ''));
    if (!job || job.polls <= state.pollsToComplete || job.fail) return { status: 403, text: '<Error><Code>AccessDenied</Code></Error>' };
    const lines = function* () {
      yield csvLine(job.columns);
      for (const row of job.rows) yield csvLine(job.columns.map((c) => row[c] ?? ''));
    };
    return { headers: { 'content-type': 'text/csv' }, stream: Readable.from(lines()) };
  });

  if (options.rateLimits !== false) {
    // Two buckets per token: the "hard" endpoints (the coaching export) and every other API call.
    // Pre-signed downloads are storage, not MaestroQA's API.
    const hard = (req: SimRequest) => req.path === '/api/v1/coaching-sessions';
    server.rateLimit = {
      windows: (req) => (hard(req) ? HARD_LIMITS : GENERAL_LIMITS),
      key: (req) => `${hard(req) ? 'hard' : 'general'}:${req.headers.apitoken ?? ''}`,
      exempt: (req) => !req.path.startsWith('/api/'),
      respond: (_seconds, window) => ({
        status: 429,
        body: { error: `Too many requests in the past ${window.intervalMs === 1000 ? 'second' : 'minute'}.` },
      }),
    };
  }

  // Seed data: sessions over the 200 days before seedTime, some updated later, some deleted; rows for every export.
  const now = options.seedTime ?? Date.now();
  const count = options.records ?? 0;
  for (let i = 0; i < count; i += 1) {
    const created = now - random.int(1, 200) * DAY - random.int(0, DAY - 1);
    const updated = random.next() < 0.3 ? Math.min(now - 1000, created + random.int(1, 20) * DAY) : created;
    sessions.push(makeSession(random, created, updated, random.next() < 0.05));
  }
  for (const type of Object.keys(EXPORT_COLUMNS)) controls.addRows(type, count, now - 60_000, 60_000);

  const baseUrl = `${await server.start(options.port)}/api/v1`;
  return {
    baseUrl,
    cfg: { apiToken: SIM_TOKEN, baseUrl } as Record<string, unknown>,
    server,
    ...controls,
    stop: () => server.stop(),
  };
}

export type MaestroSimulator = Awaited<ReturnType<typeof startSimulator>>;

function day(value: unknown): number | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const ms = Date.parse(`${value}T00:00:00Z`);
  return Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== value ? undefined : ms;
}

function inDays(iso: string, start: number, end: number): boolean {
  const d = day(iso.slice(0, 10));
  return d !== undefined && d >= start && d <= end;
}

function isoSeconds(value: unknown): boolean {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(value);
}
