import { definePollingTrigger } from '@oih-suite/kit';
import { APPLICATION_UID, MaestroConfig, createClient } from '../client';
import { CsvRow, exportPages } from '../csvPages';
import { isoSeconds, readExportType, rowCursor, rowId } from '../rawExports';

/**
 * Rows of one raw export file graded since the last poll. Each run requests an export for
 * [snapshot, now], polls it, streams its CSV and emits one message per row. The snapshot's scan
 * position is `{exportId, row}`: a restart continues the same export after the last emitted row.
 */
export = definePollingTrigger<MaestroConfig, CsvRow>({
  name: 'getRawExportPolling',
  applicationUid: APPLICATION_UID,
  pageSize: { fallback: 1000, max: 10_000 },
  cursor: rowCursor,
  // The id function has no configuration; the key columns are read from the row itself.
  id: (row) => rowId(typeOfRow(row), row),
  // CSV times have whole seconds: the current second stays open until the next run.
  granularityMs: 1000,
  source: ({ cfg, log }) => {
    const exportType = readExportType(cfg);
    const client = createClient(cfg, log);
    return {
      order: 'unordered',
      pages: (window) =>
        exportPages({
          client,
          what: exportType,
          log,
          pageSize: window.pageSize,
          resumeFrom: window.resumeFrom,
          // Whole seconds, widened to cover the window; the engine drops rows outside it.
          start: () => client.requestRawExport(exportType, isoSeconds(window.since), isoSeconds(window.until + 1000)),
        }),
    };
  },
});

/** Which file a row came from, by its key columns (the files' keys differ in their second column). */
function typeOfRow(row: CsvRow): 'total_scores' | 'section_scores' | 'individual_answers' | 'annotations' | 'csat' {
  if ('question_id' in row) return 'individual_answers';
  if ('section_id' in row) return 'section_scores';
  if ('annotation_id' in row) return 'annotations';
  if ('date_reported_as' in row) return 'total_scores';
  return 'csat';
}
