import { ConfigurationError, defineAction, oihMessage, strictText, tombstone } from '@oih-suite/kit';
import { APPLICATION_UID, MaestroConfig, createClient } from '../client';
import { Session, readTimeAxis } from '../coaching';
import { coachingSessionToCoaching } from '../mappings/coachingSession';
import { dayOf, parseDay, splitDays } from '../windows';

/**
 * Exports the coaching sessions of any date range: the range is split into 90-day windows, read
 * one after another, and every session is emitted as a message (a deleted one as a tombstone).
 * All input is checked before the first request.
 */
export = defineAction<MaestroConfig>({
  name: 'exportCoachingSessions',
  mapping: coachingSessionToCoaching,
  async run({ cfg, input, log, emitter, transformer }) {
    const fields = { ...cfg, ...input.data };
    const startDate = readDate(fields, 'startDate');
    const endDate = readDate(fields, 'endDate');
    const timeAxis = readTimeAxis(fields);
    const windows = splitDays(startDate, endDate);
    const client = createClient(cfg, log);
    let count = 0;
    for (const window of windows) {
      const sessions = (await client.coachingSessions(window.startDate, window.endDate, timeAxis)) as Session[];
      log.info('Window exported', { ...window, sessions: sessions.length });
      for (const session of sessions) {
        const id = String(session._id);
        if (session.isDeleted === true) await emitter.data(tombstone(id, APPLICATION_UID, String(session.updatedAt ?? new Date().toISOString())));
        else await emitter.data(await transformer.apply(oihMessage(session, { recordUid: id, applicationUid: APPLICATION_UID })));
        count += 1;
      }
    }
    log.info('Export done', { startDate, endDate, timeAxis, windows: windows.length, sessions: count });
  },
});

/** A YYYY-MM-DD day, or an ISO time whose UTC day is taken. */
function readDate(fields: Record<string, unknown>, field: string): string {
  const text = strictText(fields[field], field, { trim: true });
  if (text === undefined) throw new ConfigurationError(field, 'is required (YYYY-MM-DD)');
  if (parseDay(text) !== undefined) return text;
  const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(text) ? Date.parse(text) : NaN;
  if (!Number.isNaN(iso) && parseDay(text.slice(0, 10)) !== undefined) return dayOf(iso);
  throw new ConfigurationError(field, `"${text}" is not a date; use YYYY-MM-DD`);
}
