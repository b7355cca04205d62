import { parseTimestamp } from '@oih-suite/kit';
import { listStream } from '../lists';
import { projectResponseToFeedback } from '../mappings/projectResponseToFeedback';
import type { ProjectResponse } from '../types';

/** Project survey responses dated since the last run: no filter, so every run lists all and emits the new ones. */
export = listStream({
  id: 'getProjectResponsesPolling',
  title: 'Get project survey responses (polling)',
  description: 'Project survey responses dated since the last run; the API offers no filter, so each run lists all responses and emits the new ones',
  out: './lib/schemas/projectResponse.json',
  path: '/v3/prj-responses/',
  // The API documents no filter for project responses; each carries its `date`.
  changes: 'scan',
  startTime: { label: 'Last Modified Since', note: 'ISO 8601; the first run emits responses dated at or after this time (default: all)' },
  fields: {},
  recordId: (item: ProjectResponse) => item.response?.id,
  idField: 'response.id',
  cursor: (item: ProjectResponse) => parseTimestamp(item.response?.date),
  mapping: projectResponseToFeedback,
});
