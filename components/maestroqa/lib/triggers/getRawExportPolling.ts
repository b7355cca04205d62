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
  // The file's documented primary key; source() has already refused an unknown exportType.
  id: (row, cfg) => rowId(readExportType(cfg), row),
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
