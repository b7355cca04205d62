import { ConfigurationError, describeAction, field, parseTimestamp, strictText } from '@oih-suite/kit';
import type { Session } from '../coaching';
import { timeAxis } from '../fields';
import { coachingSessionToCoaching } from '../mappings/coachingSession';
import { maestroqa } from '../provider';
import { dayOf, parseDay, splitDays } from '../windows';

/**
 * Exports the coaching sessions of any date range: the range is split into 90-day windows, read
 * one after another, and every session is emitted as a message (a deleted one as a tombstone).
 * All input is checked before the first request.
 */
export = describeAction(maestroqa, {
  id: 'exportCoachingSessions',
  title: 'Export coaching sessions',
  description: 'Exports the coaching sessions of any date range (split into 90-day windows) and emits one message per session.',
  out: './lib/schemas/coaching.out.json',
  fieldsFromMessage: true,
  outputMapping: coachingSessionToCoaching,
  fields: {
    startDate: dateField('Start date', '2024-01-01', "YYYY-MM-DD; the message's startDate wins."),
    endDate: dateField('End date', '2024-06-30', "YYYY-MM-DD, inclusive; the message's endDate wins."),
    timeAxis,
  },
  async run({ client, settings, log, emitRecords }) {
    const { startDate, endDate } = settings;
    const windows = splitDays(startDate, endDate);
    let count = 0;
    for (const window of windows) {
      const sessions = (await client.coachingSessions(window.startDate, window.endDate, settings.timeAxis)) as Session[];
      log.info('Window exported', { ...window, sessions: sessions.length });
      count += await emitRecords(sessions, {
        id: (session) => session._id,
        idField: '_id',
        isDeleted: (session) => session.isDeleted === true,
        changedAt: (session) => parseTimestamp(session.updatedAt),
      });
    }
    log.info('Export done', { startDate, endDate, timeAxis: settings.timeAxis, windows: windows.length, sessions: count });
  },
});

/** A YYYY-MM-DD day, or an ISO time whose UTC day is taken. */
function dateField(label: string, placeholder: string, note: string) {
  return field({ label, viewClass: 'TextFieldView', required: false, placeholder, note }, (values, name) => {
    // Strict (h3): an object or list is an error naming the field, never "[object Object]".
    const text = strictText(values[name], name, { trim: true });
    if (text === undefined) throw new ConfigurationError(name, 'is required (YYYY-MM-DD)');
    if (parseDay(text) !== undefined) return text;
    const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(text) ? Date.parse(text) : NaN;
    if (!Number.isNaN(iso) && parseDay(text.slice(0, 10)) !== undefined) return dayOf(iso);
    throw new ConfigurationError(name, `"${text}" is not a date; use YYYY-MM-DD`);
  });
}
