import { formatMs, renderTable } from '../output/table';

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

export function renderReport(reports: StepReport[]): string {
  const rows = reports.map((r) => {
    const why = [...[...r.reasons].map(([reason, n]) => `${n} ${reason}`), ...r.notes].join('; ');
    const status = r.status === 'ok' ? '' : `${r.status.toUpperCase()}: `;
    return [r.step, r.read, r.wrote, r.skipped, r.requests, formatMs(r.durationMs), status + (why || '-')];
  });
  return renderTable(['step', 'read', 'wrote', 'skipped', 'requests', 'time', 'skipped because / notes'], rows, {
    align: ['left', 'right', 'right', 'right', 'right', 'right', 'left'],
  });
}
