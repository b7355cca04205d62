import { parse } from 'csv-parse';
import { Log, Page, ProviderError, ScanPositionLostError, TransientError } from '@oih-suite/kit';
import type { MaestroClient } from './client';

export type CsvRow = Record<string, string>;

/** Where an export-based scan stands: the export being read and how many of its rows were emitted. */
export interface ExportPosition {
  exportId: string;
  row: number;
}

export function readExportPosition(value: unknown): ExportPosition | undefined {
  const v = value as Partial<ExportPosition> | null | undefined;
  return v && typeof v.exportId === 'string' && typeof v.row === 'number' && v.row >= 0 ? { exportId: v.exportId, row: v.row } : undefined;
}

export interface ExportScan {
  client: MaestroClient;
  /** Starts a new export job for this run's window; returns its id. */
  start(): Promise<string>;
  /** The position the snapshot stored, when a scan was interrupted. */
  resumeFrom?: unknown;
  pageSize: number;
  what: string;
  log: Log;
}

/**
 * Runs one export job to its CSV and yields its rows in pages. The first page is empty and only
 * records the new export id, so a run that stops while the job is still running continues with the
 * same job. A resumed position skips the rows already emitted (the file of one export never
 * changes). A resumed export that errored or expired is replaced by a new one for the same window.
 */
export async function* exportPages(scan: ExportScan): AsyncGenerator<Page<CsvRow>> {
  let position = readExportPosition(scan.resumeFrom);
  let fresh = false;
  for (;;) {
    if (!position) {
      position = { exportId: await scan.start(), row: 0 };
      fresh = true;
      scan.log.info('Export requested', { what: scan.what, exportId: position.exportId });
      yield { records: [], position, last: false };
    }
    const outcome = await scan.client.waitForExport(position.exportId, scan.log);
    if (outcome === 'errored' || outcome === 'gone') {
      const said = outcome === 'errored' ? 'ended with status "errored"' : 'no longer exists';
      if (fresh)
        throw new ProviderError(`MaestroQA ${scan.what} export ${position.exportId} ${said}; no rows were read`, { recordId: position.exportId });
      scan.log.warn(`Resumed export ${said}; requesting a new one for the same window`, { exportId: position.exportId });
      position = undefined;
      continue;
    }
    if (!outcome.dataUrl) {
      yield { records: [], position, last: true };
      return;
    }
    yield* csvPages(await scan.client.download(outcome.dataUrl, position.exportId), position, scan.pageSize);
    return;
  }
}

/** Streams the CSV: at most one page of rows is held at a time, and the parser waits while the engine emits. */
async function* csvPages(stream: NodeJS.ReadableStream, from: ExportPosition, pageSize: number): AsyncGenerator<Page<CsvRow>> {
  const parser = parse({ columns: true, bom: true, skip_empty_lines: true, relax_column_count: true });
  const piped = stream.pipe(parser);
  let index = 0;
  let batch: CsvRow[] = [];
  try {
    for await (const row of piped as AsyncIterable<CsvRow>) {
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
    (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
    parser.destroy();
  }
  // Even an export without rows has its header line: zero bytes is a broken download, not "no data".
  if (parser.info.bytes === 0) {
    throw new TransientError(`MaestroQA export ${from.exportId} downloaded as an empty file; the next run reads it again`, {
      recordId: from.exportId,
    });
  }
  // The file of one export never changes: a stored row past its end is a damaged position.
  if (from.row > index)
    throw new ScanPositionLostError(`MaestroQA export ${from.exportId}: the stored scan position (row ${from.row}) lies past its ${index} rows`);
  yield { records: batch, position: { exportId: from.exportId, row: index }, last: true };
}
