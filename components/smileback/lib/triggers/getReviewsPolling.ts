import { checkbox, parseTimestamp } from '@oih-suite/kit';
import { listStream } from '../lists';
import { reviewToFeedback } from '../mappings/reviewToFeedback';
import type { Review } from '../types';

/** Reviews (CSAT) modified since the last run, oldest first; deleted reviews become tombstones. */
export = listStream({
  id: 'getReviewsPolling',
  title: 'Get reviews (polling)',
  description:
    'CSAT reviews modified since the last run (modified_since), oldest first, as CSAT feedback with the contact as OIH Person and the company as OIH Organization; deleted reviews become tombstones',
  out: './lib/schemas/csatReview.json',
  path: '/v3/reviews/',
  changes: 'since',
  sinceParam: 'modified_since',
  startTime: { label: 'Last Modified Since', note: 'ISO 8601; the first run reads reviews modified at or after this time (default: all reviews)' },
  fields: {
    includeUnrated: checkbox({
      label: 'Include unrated reviews',
      note: 'Also emit reviews that were sent but not rated (rating null); SmileBack lists them only on request',
    }),
  },
  // Unrated reviews are only listed on request; getScores needs them for the response rate.
  filters: (settings) => ({ include_unrated: settings.includeUnrated ? 'true' : undefined }),
  recordId: (review: Review) => review.id,
  cursor: (review: Review) => parseTimestamp(review.last_modified),
  // "Reviews marked with status = deleted must be removed from local dataset."
  isDeleted: (review: Review) => review.status === 'deleted',
  mapping: reviewToFeedback,
});
