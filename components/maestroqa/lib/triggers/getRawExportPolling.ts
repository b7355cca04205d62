import { describeStream, exportJobPages, select } from '@oih-suite/kit';
import { CsvRow, maestroExport } from '../exportJobs';
import { maestroqa } from '../provider';
import { EXPORT_TYPE_LABELS, isoSeconds, rowCursor, rowId, rowIdField } from '../rawExports';

/**
 * Rows of one raw export file graded since the last poll. Each run requests an export for
 * [snapshot, now], polls it, streams its CSV and emits one message per row. The snapshot's scan
 * position is `{exportId, row}`: a restart continues the same export after the last emitted row.
 */
export = describeStream(maestroqa, {
  id: 'getRawExportPolling',
  title: 'Raw QA export (polling)',
  description:
    'Requests a raw export (total scores, section scores, answers, annotations or CSAT) for the time since the last poll, waits for it, streams the CSV and emits one message per row.',
  out: './lib/schemas/rawExportRow.out.json',
  changes: 'scan',
  pageSize: { fallback: 1000, max: 10_000 },
  // CSV times have whole seconds: the current second stays open until the next run.
  granularityMs: 1000,
  fields: {
    exportType: select({
      label: 'Export file',
      required: true,
      model: EXPORT_TYPE_LABELS,
      fallback: 'total_scores',
      note: 'Which CSV of the raw export to read.',
    }),
  },
  read: ({ client, settings: { exportType }, log }) => ({
    pages: (window) =>
      exportJobPages(
        // Whole seconds, widened to cover the window; the engine drops rows outside it.
        maestroExport(client, exportType, () => client.requestRawExport(exportType, isoSeconds(window.since), isoSeconds(window.until + 1000))),
        { resumeFrom: window.resumeFrom, pageSize: window.pageSize, log },
      ),
    cursor: rowCursor,
    // The file's documented primary key.
    id: (row: CsvRow) => rowId(exportType, row),
    idField: rowIdField(exportType),
  }),
});
