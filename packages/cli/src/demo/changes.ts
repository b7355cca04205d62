import { timing } from '@oih-suite/kit/engine';
import type { RunningSimulator } from '../simulators';
import type { DemoSimulators } from './simulators';

/**
 * What "changed in between": the simulators restart from the same seed every run, so before an
 * incremental run the demo edits a few records through the simulators' store controls. Stamped
 * now, they are exactly what the incremental triggers must pick up (and nothing else). All edits
 * carry one instant: stamped one by one they would land in the same millisecond (or second) or
 * not, and the second run would differ from one demo to the next.
 */
export async function applyChanges(sims: DemoSimulators): Promise<string[]> {
  const lines: string[] = [];
  const { smileback, cleverreach, maestroqa } = sims.running;
  const at = timing.clock.now();
  if (smileback) lines.push(changeSmileback(smileback, at));
  if (cleverreach) lines.push(changeCleverReach(cleverreach, at));
  if (maestroqa) lines.push(changeMaestroQa(maestroqa, at));
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
  /** The store itself: its edits take the time to stamp (the simulator's shortcuts stamp now). */
  store: {
    review(id: number): ReviewLike | undefined;
    addReview(changes: Record<string, unknown>, atUs: number): ReviewLike;
    updateReview(id: number, changes: Record<string, unknown>, atUs: number): ReviewLike;
    deleteReview(id: number, atUs: number): ReviewLike;
  };
}

/** Seeded review ids count up from here (smileback/simulator/store.ts). */
const FIRST_REVIEW_ID = 35_929_000;

function changeSmileback(sim: RunningSimulator, atMs: number): string {
  const atUs = atMs * 1000;
  const s = (sim as unknown as SmilebackControls).store;
  if (typeof s?.addReview !== 'function') return 'Smileback: no store controls, nothing changed';
  // The first live reviews after a fixed offset: the same ones every run.
  const live: number[] = [];
  for (let id = FIRST_REVIEW_ID + 100; live.length < 2 && id < FIRST_REVIEW_ID + 200; id += 1) {
    const review = s.review(id);
    if (review && review.status !== 'deleted' && review.rating !== null) live.push(id);
  }
  const [rerated, deleted] = live;
  const before = s.review(rerated)?.rating;
  s.updateReview(rerated, { rating: before === -1 ? 1 : -1, comment: 'Changed my mind after the follow-up call.' }, atUs);
  s.deleteReview(deleted, atUs);
  const added = [s.addReview({ rating: 1, comment: 'Quick and friendly, thanks!' }, atUs), s.addReview({ rating: 0 }, atUs)];
  return `Smileback: review ${rerated} re-rated, review ${deleted} deleted, reviews ${added.map((r) => r.id).join(' and ')} added`;
}

interface CleverReachControls {
  store: {
    receivers: Map<number, unknown>;
    deactivate(receiverId: number, groupId: undefined, atSeconds: number): void;
    touch(receiverId: number, atSeconds: number): void;
  };
}

function changeCleverReach(sim: RunningSimulator, atMs: number): string {
  const atSeconds = Math.floor(atMs / 1000);
  const store = (sim as unknown as CleverReachControls).store;
  if (!store || typeof store.deactivate !== 'function') return 'CleverReach: no store controls, nothing changed';
  const [first, second, third] = [...store.receivers.keys()].slice(10, 13);
  store.deactivate(first, undefined, atSeconds);
  store.deactivate(second, undefined, atSeconds);
  store.touch(third, atSeconds);
  return `CleverReach: receivers ${first} and ${second} unsubscribed, receiver ${third} edited`;
}

interface MaestroQaControls {
  sessions: { _id: string; createdAt: string; isDeleted?: boolean }[];
  updateSession(id: string, changes: Record<string, unknown>, at: number): unknown;
  addSession(at?: number): { _id: string };
}

function changeMaestroQa(sim: RunningSimulator, at: number): string {
  const m = sim as unknown as MaestroQaControls;
  if (typeof m.updateSession !== 'function') return 'MaestroQA: no store controls, nothing changed';
  // Recent sessions: the coaching export is read by creation date with a lookback (30 days by default).
  const recent = m.sessions
    .filter((s) => !s.isDeleted)
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a._id.localeCompare(b._id)))
    .slice(0, 2);
  for (const s of recent) m.updateSession(s._id, { coachNotes: 'Follow-up agreed in the demo' }, at);
  const added = m.addSession(at);
  return `MaestroQA: coaching sessions ${recent.map((s) => s._id).join(' and ')} updated, session ${added._id} added`;
}

/** Providers stamp in whole seconds and triggers read up to the last complete second. */
async function waitForNextSecond(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 1000 - (timing.clock.now() % 1000) + 50));
}
