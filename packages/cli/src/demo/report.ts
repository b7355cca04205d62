import { formatMs, renderTable, wrap } from '../output/table';

/** What one step of the demo did, for the final table. */
export interface StepReport {
  step: string;
  /** Triggers read from a snapshot: their counts say whether a run was incremental. */
  trigger?: boolean;
  status: 'ok' | 'skipped' | 'failed';
  read: number;
  wrote: number;
  skipped: number;
  /** Why records were skipped (reason → count), or why the step did not run. */
  reasons: Map<string, number>;
  notes: string[];
  requests: number;
  durationMs: number;
}

export function newReport(step: string): StepReport {
  return { step, status: 'ok', read: 0, wrote: 0, skipped: 0, reasons: new Map(), notes: [], requests: 0, durationMs: 0 };
}

export function skip(report: StepReport, reason: string, count = 1): void {
  report.skipped += count;
  report.reasons.set(reason, (report.reasons.get(reason) ?? 0) + count);
}

/** The steps as a table of counts, then each step's reasons and notes below it (lines fit 120 columns). */
export function renderReport(reports: StepReport[]): string {
  const rows = reports.map((r) => [r.step, r.read, r.wrote, r.skipped, r.requests, formatMs(r.durationMs), r.status]);
  const table = renderTable(['step', 'read', 'wrote', 'skipped', 'requests', 'time', 'status'], rows, {
    align: ['left', 'right', 'right', 'right', 'right', 'right', 'left'],
  });
  const notes = reports.flatMap((r) => {
    const why = [...[...r.reasons].map(([reason, n]) => `${n} ${reason}`), ...r.notes];
    return why.length ? [wrap(`- ${r.step}: ${why.join('; ')}`, '    ')] : [];
  });
  return notes.length ? `${table}\n\nskipped because / notes:\n${notes.join('\n')}` : table;
}
