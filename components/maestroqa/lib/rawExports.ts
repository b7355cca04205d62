import { parseTimestamp, usableId } from '@oih-suite/kit';
import type { CsvRow } from './exportJobs';

/** The raw export files and their primary keys as MaestroQA documents them (Airbyte's catalogue). */
export const PRIMARY_KEYS = {
  total_scores: ['gradable_id', 'date_reported_as'],
  section_scores: ['gradable_id', 'section_id', 'date_reported_as'],
  individual_answers: ['gradable_id', 'question_id', 'date_reported_as'],
  annotations: ['gradable_id', 'annotation_id', 'date_reported_as'],
  csat: ['gradable_id'],
} as const;
export type ExportType = keyof typeof PRIMARY_KEYS;
export const EXPORT_TYPES = Object.keys(PRIMARY_KEYS) as ExportType[];
export const EXPORT_TYPE_LABELS: Record<ExportType, string> = {
  total_scores: 'Total scores',
  section_scores: 'Section scores',
  individual_answers: 'Individual answers',
  annotations: 'Annotations',
  csat: 'CSAT',
};

/**
 * The row's record id: its primary key columns joined with "|". A key column that is missing, empty
 * or the text "undefined"/"null" makes the id that column's value, which the engine refuses naming
 * `rowIdField`: joined, "|2026-01-01 10:00:00" would pass as an id and merge all such rows into one.
 */
export function rowId(type: ExportType, row: CsvRow): string | undefined {
  const broken = PRIMARY_KEYS[type].find((column) => usableId(row[column]) === undefined);
  return broken === undefined ? PRIMARY_KEYS[type].map((column) => row[column]).join('|') : row[broken];
}

/** The id field named in the error about a row without a usable id: the key columns. */
export function rowIdField(type: ExportType): string {
  return PRIMARY_KEYS[type].join('|');
}

/** The row's cursor: `date_graded`, the bookmark of the raw exports. */
export function rowCursor(row: CsvRow): number | undefined {
  return parseTimestamp(row.date_graded);
}

/** The export API takes second-precision UTC times. */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
