import { ConfigurationError, field, parseTimestamp, readInteger, text } from '@oih-suite/kit';
import { listStream } from '../lists';
import { npsResponseToFeedback } from '../mappings/npsResponseToFeedback';
import type { NpsResponse } from '../types';

/** NPS responses created since the last run (they are never modified), with campaign and score filters. */
export = listStream({
  id: 'getNpsResponsesPolling',
  title: 'Get NPS responses (polling)',
  description:
    'NPS survey responses created since the last run (created_since; NPS responses are never modified), with optional campaign and score filters',
  out: './lib/schemas/npsResponse.json',
  path: '/v3/nps-responses/',
  changes: 'since',
  // NPS responses are never modified: they have `created_at` and no `last_modified`.
  sinceParam: 'created_since',
  startTime: { label: 'Created Since', note: 'ISO 8601; the first run reads responses created at or after this time (default: all)' },
  fields: {
    campaignName: text({ label: 'Campaign name', placeholder: 'Quarterly NPS', note: 'Only responses of this NPS campaign (exact name)' }),
    scoreGt: score('Score greater than', '8', 'Only responses with a score above this (0 to 10)', -1, 11),
    scoreLt: score('Score less than', '7', 'Only responses with a score below this (0 to 10)', -1, 11),
    scoreExact: score('Score equals', '10', 'Only responses with exactly this score (0 to 10)', 0, 10),
  },
  filters: (s) => ({ campaign_name: s.campaignName, score_gt: s.scoreGt, score_lt: s.scoreLt, score_exact: s.scoreExact }),
  recordId: (response: NpsResponse) => response.id,
  cursor: (response: NpsResponse) => parseTimestamp(response.created_at),
  mapping: npsResponseToFeedback,
});

/** An optional score bound; "greater than -1" and "less than 11" are allowed, an exact score is 0 to 10. */
function score(label: string, placeholder: string, note: string, min: number, max: number) {
  return field(
    { label, viewClass: 'TextFieldView', required: false, placeholder, note },
    (cfg, name): number | undefined => {
      if (cfg[name] === undefined || cfg[name] === null || cfg[name] === '') return undefined;
      const value = readInteger(cfg, name, { min: -1, max: 11, fallback: 0 });
      if (value < min || value > max) throw new ConfigurationError(name, `must be a score from ${min} to ${max}`);
      return value;
    },
    { type: 'integer' },
  );
}
