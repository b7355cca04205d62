import { DAY_MS, Page, ScanPositionLostError, parseTimestamp } from '@oih-suite/kit';
import type { MaestroClient, TimeAxis } from './client';
import { DayWindow, dayOf, parseDay, splitDays } from './windows';

export type Session = Record<string, unknown> & { _id: string; updatedAt?: unknown; isDeleted?: boolean };
/** A coaching point or to-do emitted on its own: the provider item plus its session and kind. */
export type CoachingRecord = Session & { itemType?: 'coachingPoint' | 'todo'; coachingSessionId?: string };

/** MaestroQA launched in 2014: a first run without startTime reads from here, not from 1970. */
export const EARLIEST_DAY = '2014-01-01';

export interface CoachingOptions {
  timeAxis: TimeAxis;
  lookbackDays: number;
  separateItems: boolean;
}

/**
 * The day windows one poll reads. Sessions are filtered by creation or meeting date, but change
 * later, so the read starts `lookbackDays` before the snapshot; with the meeting-date axis it also
 * reaches `lookbackDays` ahead, for meetings scheduled in advance.
 */
export function pollWindows(since: number, until: number, options: CoachingOptions): DayWindow[] {
  const lookback = options.lookbackDays * DAY_MS;
  const startDay = dayOf(Math.max(since - lookback, parseDay(EARLIEST_DAY)!));
  const endDay = dayOf(until + (options.timeAxis === 'meetingDate' ? lookback : 0));
  return splitDays(startDay, endDay < startDay ? startDay : endDay);
}

/** Position inside a poll: the window being read and the sort key of the last session emitted from it. */
interface CoachingPosition {
  window: string;
  after?: string;
}

/**
 * Pages of one poll: each window is fetched once and cut into pages of `pageSize` sessions, sorted
 * by (axis date, id) so a resumed scan can skip what it emitted even if the provider's order changes.
 */
export async function* coachingPages(
  client: MaestroClient,
  windows: DayWindow[],
  options: CoachingOptions & { pageSize: number; resumeFrom?: unknown },
): AsyncGenerator<Page<CoachingRecord>> {
  const resume = options.resumeFrom as CoachingPosition | undefined;
  const first = resume?.window ? windows.findIndex((w) => w.startDate >= resume.window) : 0;
  if (first < 0) throw new ScanPositionLostError(`MaestroQA coaching: the stored scan position (window ${resume?.window}) lies past the last window`);
  for (let w = first; w < windows.length; w += 1) {
    const window = windows[w];
    const after = w === first ? resume?.after : undefined;
    const sessions = (await client.coachingSessions(window.startDate, window.endDate, options.timeAxis)) as Session[];
    const sorted = sessions.map((s) => ({ key: sortKey(s, options.timeAxis), s })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const todo = after === undefined ? sorted : sorted.filter((e) => e.key > after);
    const lastWindow = w === windows.length - 1;
    const next = lastWindow ? undefined : windows[w + 1].startDate;
    if (todo.length === 0) {
      yield { records: [], position: { window: next ?? window.startDate }, last: lastWindow };
      continue;
    }
    for (let i = 0; i < todo.length; i += options.pageSize) {
      const chunk = todo.slice(i, i + options.pageSize);
      const done = i + options.pageSize >= todo.length;
      const position: CoachingPosition = done && next ? { window: next } : { window: window.startDate, after: chunk[chunk.length - 1].key };
      const records = chunk.flatMap((e) => (options.separateItems ? splitSession(e.s) : [e.s]));
      yield { records, position, last: done && lastWindow };
    }
  }
}

function sortKey(session: Session, axis: TimeAxis): string {
  const t = parseTimestamp(session[axis]) ?? 0;
  return `${String(t).padStart(15, '0')}|${session._id}`;
}

/** The session without its items, then each coaching point and to-do as a record of its own. */
export function splitSession(session: Session): CoachingRecord[] {
  const { coachingPoints, todos, ...rest } = session;
  const items = (kind: 'coachingPoint' | 'todo', list: unknown): CoachingRecord[] =>
    (Array.isArray(list) ? (list as Session[]) : []).map((item) => ({
      ...item,
      itemType: kind,
      coachingSessionId: session._id,
      // A deleted session takes its items with it.
      isDeleted: item.isDeleted === true || session.isDeleted === true,
      ...(session.isDeleted === true ? { updatedAt: latest(item.updatedAt, session.updatedAt) } : {}),
    }));
  return [rest, ...items('coachingPoint', coachingPoints), ...items('todo', todos)];
}

function latest(a: unknown, b: unknown): unknown {
  return (parseTimestamp(a) ?? 0) >= (parseTimestamp(b) ?? 0) ? a : b;
}

/** The cursor: when the record last changed. */
export function coachingCursor(record: CoachingRecord): number | undefined {
  return parseTimestamp(record.updatedAt) ?? parseTimestamp(record.createdAt);
}
