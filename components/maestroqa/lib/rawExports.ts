import { parseTimestamp } from '@oih-suite/kit';
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

/** The row's record id: its primary key columns joined with "|" (a missing column counts as empty). */
export function rowId(type: ExportType, row: CsvRow): string {
  return PRIMARY_KEYS[type].map((column) => row[column] ?? '').join('|');
}

/** The row's cursor: `date_graded`, the bookmark of the raw exports. */
export function rowCursor(row: CsvRow): number | undefined {
  return parseTimestamp(row.date_graded);
}

/** The export API takes second-precision UTC times. */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
