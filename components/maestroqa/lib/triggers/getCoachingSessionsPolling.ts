import { checkbox, describeStream, integer } from '@oih-suite/kit';
import { CoachingRecord, coachingCursor, coachingPages, pollWindows } from '../coaching';
import { timeAxis } from '../fields';
import { coachingSessionToCoaching } from '../mappings/coachingSession';
import { maestroqa } from '../provider';

/**
 * Coaching sessions changed since the last poll. The export filters by creation (or meeting) date,
 * so every poll re-reads a lookback window and the engine keeps only records whose `updatedAt` is
 * new; the scan is unordered and resumes at the window and session where it stopped.
 */
export = describeStream(maestroqa, {
  id: 'getCoachingSessionsPolling',
  title: 'Coaching sessions (polling)',
  description:
    'Emits coaching sessions created or changed since the last poll (deleted ones as tombstones), reading the coaching export in 90-day windows with a lookback.',
  out: './lib/schemas/coaching.out.json',
  changes: 'scan',
  pageSize: { fallback: 500, max: 5000 },
  mapping: coachingSessionToCoaching,
  fields: {
    timeAxis,
    lookbackDays: integer({
      label: 'Lookback (days)',
      min: 0,
      max: 3650,
      fallback: 30,
      note: 'Sessions created up to this many days before the last poll are re-read to find changes.',
    }),
    emitItemsSeparately: checkbox({
      label: 'Emit coaching points and to-dos separately',
      note: 'Each point and to-do becomes a message of its own (with its own deletions); the session message then omits them.',
    }),
  },
  read: ({ client, settings }) => {
    const options = { timeAxis: settings.timeAxis, lookbackDays: settings.lookbackDays, separateItems: settings.emitItemsSeparately };
    return {
      pages: (window) =>
        coachingPages(client, pollWindows(window.since, window.until, options), {
          ...options,
          pageSize: window.pageSize,
          resumeFrom: window.resumeFrom,
        }),
      cursor: coachingCursor,
      id: (record: CoachingRecord) => record._id,
      idField: '_id',
      isDeleted: (record: CoachingRecord) => record.isDeleted === true,
    };
  },
});
