import { ProviderError, ScanPositionLostError, TransientError } from '../errors';
import type { Page } from '../paging/paginate';
import type { Log } from '../util/logger';
import { wait } from '../util/timing';

/** One status check of an export job. */
export type ExportJobStatus =
  | { state: 'running'; detail: string }
  /** Done; `location` is where to download it (none: done without data). */
  | { state: 'complete'; location?: string }
  | { state: 'failed' | 'gone' };

/** A provider's asynchronous export: request it, check it until done, download it, read its rows. */
export interface ExportJob<Row> {
  /** Names the export in messages ("MaestroQA csat export"). */
  what: string;
  start(): Promise<string>;
  check(jobId: string): Promise<ExportJobStatus>;
  download(location: string, jobId: string): Promise<NodeJS.ReadableStream>;
  /**
   * The rows of a downloaded file, streamed (e.g. a CSV parser); `jobId` names the job in its errors.
   * The rows must end with the file's error when the download breaks off (stream.pipeline, not pipe).
   */
  rows(file: NodeJS.ReadableStream, jobId: string): AsyncIterable<Row>;
  /** Wait before the n-th check (default: 1 s doubling to 10 s). */
  checkDelayMs?(attempt: number): number;
  /** Longest wait for one job; a job still running then ends the run with a rebound (default 10 min). */
  waitBudgetMs?: number;
}

/** Where an export-based scan stands: the job being read and how many of its rows were emitted. */
export interface ExportPosition {
  exportId: string;
  row: number;
}

export const EXPORT_WAIT_BUDGET_MS = 10 * 60_000;

export function exportCheckDelayMs(attempt: number): number {
  return Math.min(10_000, 1000 * 2 ** attempt);
}

export function readExportPosition(value: unknown): ExportPosition | undefined {
  const v = value as Partial<ExportPosition> | null | undefined;
  return v && typeof v.exportId === 'string' && typeof v.row === 'number' && v.row >= 0 ? { exportId: v.exportId, row: v.row } : undefined;
}

/**
 * Checks the job until it is done, waiting through the kit's timing seam. A job still running
 * after the budget is a TransientError: the run rebounds and the snapshot keeps the job's id.
 */
export async function awaitExportJob<Row>(job: ExportJob<Row>, jobId: string, log: Log): Promise<Exclude<ExportJobStatus, { state: 'running' }>> {
  const budget = job.waitBudgetMs ?? EXPORT_WAIT_BUDGET_MS;
  let waited = 0;
  for (let attempt = 0; ; attempt += 1) {
    const status = await job.check(jobId);
    if (status.state !== 'running') return status;
    if (waited >= budget) {
      throw new TransientError(
        `${job.what} ${jobId} is still ${status.detail} after ${Math.round(waited / 1000)} s; the next run continues with it`,
        {
          recordId: jobId,
        },
      );
    }
    log.info('Export not ready yet', { exportId: jobId, status: status.detail, attempt: attempt + 1 });
    waited += await wait((job.checkDelayMs ?? exportCheckDelayMs)(attempt), 'the export to be ready');
  }
}

/**
 * Runs one export job to its file and yields its rows in pages. The first page is empty and only
 * records the new job id, so a run that stops while the job is still running continues with the
 * same job. A resumed position skips the rows already emitted (the file of one job never
 * changes). A resumed job that failed or expired is replaced by a new one.
 */
export async function* exportJobPages<Row>(
  job: ExportJob<Row>,
  options: { resumeFrom?: unknown; pageSize: number; log: Log },
): AsyncGenerator<Page<Row>> {
  let position = readExportPosition(options.resumeFrom);
  let fresh = false;
  for (;;) {
    if (!position) {
      position = { exportId: await job.start(), row: 0 };
      fresh = true;
      options.log.info('Export requested', { what: job.what, exportId: position.exportId });
      yield { records: [], position, last: false };
    }
    const outcome = await awaitExportJob(job, position.exportId, options.log);
    if (outcome.state !== 'complete') {
      const said = outcome.state === 'failed' ? 'ended with status "errored"' : 'no longer exists';
      if (fresh) throw new ProviderError(`${job.what} ${position.exportId} ${said}; no rows were read`, { recordId: position.exportId });
      options.log.warn(`Resumed export ${said}; requesting a new one for the same window`, { exportId: position.exportId });
      position = undefined;
      continue;
    }
    if (!outcome.location) {
      yield { records: [], position, last: true };
      return;
    }
    yield* filePages(job, await job.download(outcome.location, position.exportId), position, options.pageSize);
    return;
  }
}

/** At most one page of rows is held at a time, and the reader waits while the engine emits. */
async function* filePages<Row>(job: ExportJob<Row>, file: NodeJS.ReadableStream, from: ExportPosition, pageSize: number): AsyncGenerator<Page<Row>> {
  let index = 0;
  let batch: Row[] = [];
  try {
    for await (const row of job.rows(file, from.exportId)) {
      index += 1;
      if (index <= from.row) continue;
      batch.push(row);
      if (batch.length >= pageSize) {
        yield { records: batch, position: { exportId: from.exportId, row: index }, last: false };
        batch = [];
      }
    }
  } finally {
    // The engine may stop early (one page per interval): release the download.
    (file as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
  }
  // The file of one job never changes: a stored row past its end is a damaged position.
  if (from.row > index)
    throw new ScanPositionLostError(`${job.what} ${from.exportId}: the stored scan position (row ${from.row}) lies past its ${index} rows`);
  yield { records: batch, position: { exportId: from.exportId, row: index }, last: true };
}
