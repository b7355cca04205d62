import type { StepCounters } from '../runner/runStep';
import { formatMs, renderTable } from './table';

/** The end-of-run summary of `run`, as a two-column table. */
export function renderSummary(counters: StepCounters, notes: string[] = []): string {
  const rows: (string | number)[][] = [
    ['messages', counters.messages],
    ['tombstones', counters.tombstones],
    ['errors', counters.errors],
    ['pages', counters.pages],
    ['requests', counters.requests],
    ['retries', counters.retries],
    ['waited (rate limits, retries)', formatMs(counters.rateLimitWaitMs)],
    ['duration', formatMs(counters.durationMs)],
  ];
  return ['', renderTable(['summary', ''], rows, { align: ['left', 'right'] }), ...notes].join('\n');
}
