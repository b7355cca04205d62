import type { RunningSimulator } from '../simulators';
import type { DemoSimulators } from './simulators';

/**
 * What "changed in between": the simulators restart from the same seed every run, so before an
 * incremental run the demo edits a few records through the simulators' store controls. Stamped
 * now, they are exactly what the incremental triggers must pick up (and nothing else).
 */
export async function applyChanges(sims: DemoSimulators): Promise<string[]> {
  const lines: string[] = [];
  const { smileback, cleverreach, maestroqa } = sims.running;
  if (smileback) lines.push(changeSmileback(smileback));
  if (cleverreach) lines.push(changeCleverReach(cleverreach));
  if (maestroqa) lines.push(changeMaestroQa(maestroqa));
  if (lines.length === 0) lines.push('nothing (no simulator with store controls is running)');
  await waitForNextSecond();
  return lines;
}

interface ReviewLike {
  id: number;
  status?: string;
  rating?: number | null;
}

interface SmilebackControls {
  store: { review(id: number): ReviewLike | undefined };
  addReview(changes?: Record<string, unknown>): ReviewLike;
  updateReview(id: number, changes: Record<string, unknown>): ReviewLike;
  deleteReview(id: number): ReviewLike;
}

/** Seeded review ids count up from here (smileback/simulator/store.ts). */
const FIRST_REVIEW_ID = 35_929_000;

function changeSmileback(sim: RunningSimulator): string {
  const s = sim as unknown as SmilebackControls;
  if (typeof s.addReview !== 'function') return 'Smileback: no store controls, nothing changed';
  // The first live reviews after a fixed offset: the same ones every run.
  const live: number[] = [];
  for (let id = FIRST_REVIEW_ID + 100; live.length < 2 && id < FIRST_REVIEW_ID + 200; id += 1) {
    const review = s.store.review(id);
    if (review && review.status !== 'deleted' && review.rating !== null) live.push(id);
  }
  const [rerated, deleted] = live;
  const before = s.store.review(rerated)?.rating;
  s.updateReview(rerated, { rating: before === -1 ? 1 : -1, comment: 'Changed my mind after the follow-up call.' });
  s.deleteReview(deleted);
  const added = [s.addReview({ rating: 1, comment: 'Quick and friendly, thanks!' }), s.addReview({ rating: 0 })];
  return `Smileback: review ${rerated} re-rated, review ${deleted} deleted, reviews ${added.map((r) => r.id).join(' and ')} added`;
}

interface CleverReachControls {
  store: { receivers: Map<number, unknown>; deactivate(receiverId: number): void; touch(receiverId: number): void };
}

function changeCleverReach(sim: RunningSimulator): string {
  const store = (sim as unknown as CleverReachControls).store;
  if (!store || typeof store.deactivate !== 'function') return 'CleverReach: no store controls, nothing changed';
  const [first, second, third] = [...store.receivers.keys()].slice(10, 13);
  store.deactivate(first);
  store.deactivate(second);
  store.touch(third);
  return `CleverReach: receivers ${first} and ${second} unsubscribed, receiver ${third} edited`;
}

interface MaestroQaControls {
  sessions: { _id: string; createdAt: string; isDeleted?: boolean }[];
  updateSession(id: string, changes?: Record<string, unknown>): unknown;
  addSession(at?: number): { _id: string };
}

function changeMaestroQa(sim: RunningSimulator): string {
  const m = sim as unknown as MaestroQaControls;
  if (typeof m.updateSession !== 'function') return 'MaestroQA: no store controls, nothing changed';
  // Recent sessions: the coaching export is read by creation date with a lookback (30 days by default).
  const recent = m.sessions
    .filter((s) => !s.isDeleted)
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a._id.localeCompare(b._id)))
    .slice(0, 2);
  for (const s of recent) m.updateSession(s._id, { coachNotes: 'Follow-up agreed in the demo' });
  const added = m.addSession();
  return `MaestroQA: coaching sessions ${recent.map((s) => s._id).join(' and ')} updated, session ${added._id} added`;
}

/** Providers stamp in whole seconds and triggers read up to the last complete second. */
async function waitForNextSecond(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 50));
}
