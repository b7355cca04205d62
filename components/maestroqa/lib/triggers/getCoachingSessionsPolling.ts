import { definePollingTrigger } from '@oih-suite/kit';
import { APPLICATION_UID, MaestroConfig, createClient } from '../client';
import { CoachingRecord, coachingCursor, coachingPages, pollWindows, readCoachingOptions } from '../coaching';
import { coachingSessionToCoaching } from '../mappings/coachingSession';

/**
 * Coaching sessions changed since the last poll. The export filters by creation (or meeting) date,
 * so every poll re-reads a lookback window and the engine keeps only records whose `updatedAt` is
 * new; the scan is unordered and resumes at the window and session where it stopped.
 */
export = definePollingTrigger<MaestroConfig, CoachingRecord>({
  name: 'getCoachingSessionsPolling',
  applicationUid: APPLICATION_UID,
  pageSize: { fallback: 500, max: 5000 },
  cursor: coachingCursor,
  id: (record) => record._id,
  idField: '_id',
  isDeleted: (record) => record.isDeleted === true,
  mapping: coachingSessionToCoaching,
  source: ({ cfg, log }) => {
    const options = readCoachingOptions(cfg);
    const client = createClient(cfg, log);
    return {
      order: 'unordered',
      pages: (window) =>
        coachingPages(client, pollWindows(window.since, window.until, options), {
          ...options,
          pageSize: window.pageSize,
          resumeFrom: window.resumeFrom,
        }),
    };
  },
});
