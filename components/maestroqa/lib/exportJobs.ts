import { parse } from 'csv-parse';
import type { ExportJob } from '@oih-suite/kit';
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
async function* csvRows(file: NodeJS.ReadableStream): AsyncGenerator<CsvRow> {
  const parser = parse({ columns: true, bom: true, skip_empty_lines: true, relax_column_count: true });
  try {
    yield* file.pipe(parser) as AsyncIterable<CsvRow>;
  } finally {
    parser.destroy();
  }
}
