import { Readable } from 'node:stream';
import { expect } from 'chai';
import Ajv from 'ajv';
import { runProcess } from '@oih-suite/kit/testing';
import { timing } from '@oih-suite/kit/engine';
import rawTrigger from '../lib/triggers/getRawExportPolling';
import groupsTrigger from '../lib/triggers/getAgentGroupsPolling';
import rowSchema from '../lib/schemas/rawExportRow.out.json';
import personSchema from '../lib/schemas/person.out.json';
import { EXPORT_TYPES, PRIMARY_KEYS } from '../lib/rawExports';
import { MaestroSimulator } from '../simulator';
import { startQuietSimulator, stopQuietSimulator } from './fixtures';

const ajv = new Ajv({ strict: false });
const validRow = ajv.compile(rowSchema);
const validPerson = ajv.compile(personSchema);

describe('maestroqa raw and groups exports', () => {
  let sim: MaestroSimulator;
  let previousScale = 1;
  beforeEach(async () => {
    previousScale = timing.scale;
    timing.scale = 0.001;
    sim = await startQuietSimulator();
  });
  afterEach(async () => {
    timing.scale = previousScale;
    await stopQuietSimulator(sim);
  });

  const raw = (cfg: Record<string, unknown>, snapshot: unknown = {}) =>
    runProcess(rawTrigger.process, {}, { ...sim.cfg, safetyLagSeconds: 0, ...cfg }, snapshot);

  it('requests, polls through requested/in_progress, downloads without credentials and emits rows exactly', async () => {
    const rows = sim.addRows('total_scores', 3, Date.now() - 5000);
    const outcome = await raw({ exportType: 'total_scores', startTime: '2024-01-01T00:00:00Z' });
    expect(outcome.error).to.equal(undefined);
    expect(outcome.self.data).to.deep.equal(
      rows.map((row) => ({ metadata: { recordUid: `${row.gradable_id}|${row.date_reported_as}`, applicationUid: 'maestroqa' }, data: row })),
    );
    for (const m of outcome.self.data) expect(validRow(m.data)).to.equal(true);
    const calls = sim.server.requests.map((r) => `${r.method} ${r.path}`);
    expect(calls).to.deep.equal([
      'POST /api/v1/request-raw-export',
      'GET /api/v1/get-export-data',
      'GET /api/v1/get-export-data',
      'GET /api/v1/get-export-data',
      `GET /downloads/${[...sim.jobs.keys()][0]}.csv`,
    ]);
    const request = sim.server.requests[0];
    expect(request.body).to.deep.include({ startDate: '2024-01-01T00:00:00Z', singleFileExport: 'total_scores' });
    expect(sim.server.requests[1].headers.exportid).to.equal([...sim.jobs.keys()][0]);
    expect(sim.server.requests[4].headers).to.not.have.property('apitoken');
    // A complete run leaves only its time behind.
    expect(Object.keys(outcome.self.lastSnapshot!)).to.deep.equal(['lastUpdated']);
  });

  it('the first snapshot holds the export in flight; a restart continues that export, not a new one', async () => {
    sim.addRows('section_scores', 2, Date.now() - 5000);
    sim.server.inject({ match: (r) => r.path === '/api/v1/get-export-data', after: 1, response: { status: 400, body: { error: 'injected' } } });
    const crashed = await raw({ exportType: 'section_scores' });
    expect(crashed.error?.message).to.equal(`MaestroQA rejected GET /get-export-data (record ${[...sim.jobs.keys()][0]}) with HTTP 400: injected`);
    const snapshot = crashed.self.lastSnapshot as { scan: { after: unknown } };
    expect(snapshot.scan.after).to.deep.equal({ exportId: [...sim.jobs.keys()][0], row: 0 });
    const resumed = await raw({ exportType: 'section_scores' }, snapshot);
    expect(resumed.error).to.equal(undefined);
    expect(resumed.self.data).to.have.length(2);
    expect(sim.jobs.size).to.equal(1);
  });

  it('a stored row past the end of its export restarts the window with a new export instead of skipping rows', async () => {
    sim.addRows('section_scores', 2, Date.now() - 5000);
    const first = await raw({ exportType: 'section_scores' });
    expect(first.error).to.equal(undefined);
    const [exportId] = [...sim.jobs.keys()];
    const until = new Date(Date.now() - 1).toISOString();
    const bogus = { lastUpdated: '1970-01-01T00:00:00.000Z', scan: { until, after: { exportId, row: 500 } } };
    const resumed = await raw({ exportType: 'section_scores' }, bogus);
    expect(resumed.error).to.equal(undefined);
    expect(resumed.self.data).to.have.length(2);
    expect(sim.jobs.size, 'a new export for the same window').to.equal(2);
    expect(resumed.self.logs.some((l) => l.level === 'warn' && String(l.message).includes('restarting the scan'))).to.equal(true);
  });

  it('an export that ends "errored" is an error saying so; the next run requests a new export', async () => {
    sim.addRows('csat', 1, Date.now() - 5000);
    sim.failNextExport();
    const failed = await raw({ exportType: 'csat' });
    const id = [...sim.jobs.keys()][0];
    expect(failed.error?.message).to.equal(`MaestroQA csat export ${id} ended with status "errored"; no rows were read`);
    expect(failed.self.data).to.deep.equal([]);
    const next = await raw({ exportType: 'csat' }, failed.self.lastSnapshot);
    expect(next.error).to.equal(undefined);
    expect(next.self.data.map((m) => (m.metadata as { recordUid: string }).recordUid)).to.deep.equal([sim.rows.get('csat')![0].gradable_id]);
    expect(sim.jobs.size).to.equal(2);
  });

  it('a download that stops mid-file ends the run with the error (never an uncaught exception), keeping the export for the next run', async () => {
    sim.addRows('csat', 3, Date.now() - 5000);
    const stalled = new Readable({ read: () => undefined });
    stalled.push('gradable_id,date_graded\n1,2026-01-01 10:00:00\n');
    sim.server.inject({
      match: (r) => r.path.startsWith('/downloads/'),
      response: { status: 200, headers: { 'content-type': 'text/csv' }, stream: stalled },
    });
    // requestTimeoutSeconds 1 makes the idle timeout 1 s: the stalled body fails while the CSV parser reads it.
    const cut = await raw({ exportType: 'csat', requestTimeoutSeconds: 1 });
    stalled.destroy();
    expect(cut.error?.message, cut.error?.message).to.match(/idle timeout/);
    expect(cut.self.data).to.deep.equal([]);
    const snapshot = cut.self.lastSnapshot as { scan: { after: { exportId: string; row: number } } };
    expect(snapshot.scan.after).to.deep.equal({ exportId: [...sim.jobs.keys()][0], row: 0 });
    const next = await raw({ exportType: 'csat' }, snapshot);
    expect(next.error).to.equal(undefined);
    expect(next.self.data).to.have.length(3);
    expect(sim.jobs.size, 'the same export, downloaded again').to.equal(1);
  });

  it('accepts the "completed" spelling of the final status', async () => {
    sim.state.completedSpelling = 'completed';
    sim.addRows('annotations', 2, Date.now() - 5000);
    const outcome = await raw({ exportType: 'annotations' });
    expect(outcome.error).to.equal(undefined);
    expect(outcome.self.data).to.have.length(2);
  });

  it('keys every export type by its documented primary key', async () => {
    for (const type of EXPORT_TYPES) {
      const [row] = sim.addRows(type, 1, Date.now() - 5000);
      const outcome = await raw({ exportType: type });
      expect(outcome.error).to.equal(undefined);
      expect(outcome.self.data.map((m) => (m.metadata as { recordUid: string }).recordUid)).to.deep.equal([
        PRIMARY_KEYS[type].map((k) => row[k]).join('|'),
      ]);
    }
  });

  it('rejects an unknown exportType before any request', async () => {
    const outcome = await raw({ exportType: 'zip' });
    expect(outcome.error?.message).to.equal(
      'exportType: must be one of total_scores, section_scores, individual_answers, annotations, csat, got "zip"',
    );
    expect(sim.server.requests).to.deep.equal([]);
  });

  it('agent groups become OIH Persons, unavailable agents included', async () => {
    const outcome = await runProcess(groupsTrigger.process, {}, { ...sim.cfg, safetyLagSeconds: 0 }, {});
    expect(outcome.error).to.equal(undefined);
    expect(sim.server.requests[0].body).to.deep.equal({ includeUnavailable: true });
    expect(outcome.self.data).to.have.length(4);
    expect(outcome.self.data[2]).to.deep.equal({
      metadata: { recordUid: 'groupid2|ana@example.com', applicationUid: 'maestroqa' },
      data: {
        firstName: 'Ana',
        lastName: 'Lopez Garcia',
        displayName: 'Ana Lopez Garcia',
        contactData: [{ type: 'email', value: 'ana@example.com', label: 'businessEmail' }],
        categories: [{ name: 'Tier 2', label: 'maestroqaGroup' }],
      },
    });
    for (const m of outcome.self.data) expect(validPerson(m.data), JSON.stringify(validPerson.errors)).to.equal(true);
  });
});
