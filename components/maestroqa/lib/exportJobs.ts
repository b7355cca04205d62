import { pipeline } from 'node:stream';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { ExportJob, TransientError } from '@oih-suite/kit';
import type { MaestroClient } from './client';

export type CsvRow = Record<string, string>;

/** A MaestroQA export job (raw or groups): request, status checks, pre-signed CSV download. */
export function maestroExport(client: MaestroClient, what: string, start: () => Promise<string>): ExportJob<CsvRow> {
  return {
    what: `MaestroQA ${what} export`,
    start,
    check: (exportId) => client.exportStatus(exportId),
    download: (dataUrl, exportId) => client.download(dataUrl, exportId),
    rows: csvRows,
  };
}

/** The rows of a CSV file with a header line; the parser waits while the engine emits. */
async function* csvRows(file: NodeJS.ReadableStream, exportId: string): AsyncGenerator<CsvRow> {
  const parser = parse({ columns: true, bom: true, skip_empty_lines: true, relax_column_count: true });
  try {
    // pipeline, not pipe: a download that fails mid-file (reset, idle timeout, size cap) must end
    // the rows with its error; with pipe the error went unheard and ended the whole process.
    yield* pipeline(file as Readable, parser, () => undefined) as AsyncIterable<CsvRow>;
    // Even an export without rows has its header line: zero bytes is a broken download, not "no data".
    if (parser.info.bytes === 0) {
      throw new TransientError(`MaestroQA export ${exportId} downloaded as an empty file; the next run reads it again`, { recordId: exportId });
    }
  } finally {
    parser.destroy();
  }
}
