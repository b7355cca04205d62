import { SeededRandom } from '@oih-suite/kit/simulator';
import type { NpsResponse, ProjectResponse, ReferenceRecord, Review } from './records';
import { ReferenceKind, ReferenceLists, seededNps, seededProjectResponse, seededReference, seededReview, uuid } from './data';
import { isoMicros, nowMicros } from './time';

interface Stamped<T> {
  record: T;
  /** `last_modified` (reviews), `created_at` (NPS) or `date` (project responses) in µs. */
  us: number;
}

/** Seeded data starts here, so it is the same on every machine and always in the past. */
const SEED_START_US = Date.parse('2025-01-01T00:00:00Z') * 1000;
const SEED_SPAN_US = 300 * 86_400 * 1_000_000;

/** The simulator's data: reviews, NPS and project responses with µs stamps, and the six reference lists. */
export class SmilebackStore {
  private readonly reviews = new Map<number, Stamped<Review>>();
  private readonly nps = new Map<number, Stamped<NpsResponse>>();
  private readonly projects = new Map<string, Stamped<ProjectResponse>>();
  reference: ReferenceLists;
  private sortedReviews?: Stamped<Review>[];
  private ratedReviews?: Stamped<Review>[];
  private nextReviewId = 35_929_000;
  private nextNpsId = 1;
  private random: SeededRandom;

  constructor(seed = 42) {
    this.random = new SeededRandom(seed);
    this.reference = seededReference(this.random, 20);
  }

  /**
   * `count` reviews over 300 days of 2025 (oldest first), with NPS and project responses in
   * proportion: about 3% deleted, 20% unrated, and every tenth review sharing its predecessor's stamp.
   */
  seed(count: number, seed = 42): void {
    this.random = new SeededRandom(seed);
    this.reference = seededReference(this.random, Math.max(20, Math.min(500, Math.ceil(count / 5))));
    const step = Math.max(1, Math.floor(SEED_SPAN_US / Math.max(1, count)));
    let at = SEED_START_US;
    for (let i = 0; i < count; i += 1) {
      if (i % 10 !== 9) at += this.random.int(Math.ceil(step / 2), step);
      const roll = this.random.next();
      const rating = roll < 0.2 ? null : roll < 0.75 ? 1 : roll < 0.88 ? 0 : -1;
      const status = this.random.next() < 0.03 ? 'deleted' : this.random.pick(['open', 'done'] as const);
      this.putReview(seededReview(this.random, this.nextReviewId++, this.reference, rating, status), at);
    }
    for (let i = 0; i < Math.ceil(count / 4); i += 1) this.addNps(undefined, SEED_START_US + Math.floor((i * SEED_SPAN_US) / Math.ceil(count / 4)));
    for (let i = 0; i < Math.ceil(count / 10); i += 1) {
      this.addProjectResponse(undefined, SEED_START_US + Math.floor((i * SEED_SPAN_US) / Math.ceil(count / 10)));
    }
  }

  // Reviews --------------------------------------------------------------------------------

  /** Adds a review modified now (or at `atUs`); fields of `changes` override the generated ones. */
  addReview(changes: Partial<Review> = {}, atUs?: number): Review {
    const rating = 'rating' in changes ? (changes.rating ?? null) : this.random.pick([1, 1, 1, 0, -1] as const);
    const review = { ...seededReview(this.random, changes.id ?? this.nextReviewId++, this.reference, rating, 'open'), ...changes };
    return this.putReview(review, atUs ?? nowMicros());
  }

  /** Changes a review; it counts as modified now (or at `atUs`). */
  updateReview(id: number, changes: Partial<Review>, atUs?: number): Review {
    const current = this.reviews.get(id);
    if (!current) throw new Error(`No review ${id}`);
    return this.putReview({ ...current.record, ...changes, id }, atUs ?? nowMicros());
  }

  /** SmileBack keeps deleted reviews, marked `status: "deleted"`, so replicas can remove them. */
  deleteReview(id: number, atUs?: number): Review {
    return this.updateReview(id, { status: 'deleted' }, atUs);
  }

  review(id: number): Review | undefined {
    return this.reviews.get(id)?.record;
  }

  /** Reviews modified at or after `sinceUs` (inclusive), oldest first, ties by id. */
  listReviews(sinceUs: number | undefined, includeUnrated: boolean): Review[] {
    // Sorted views are cached until the next change: a large sync pages through them many times.
    this.sortedReviews ??= [...this.reviews.values()].sort((a, b) => a.us - b.us || a.record.id - b.record.id);
    this.ratedReviews ??= this.sortedReviews.filter((r) => r.record.rating !== null);
    const sorted = includeUnrated ? this.sortedReviews : this.ratedReviews;
    let lo = 0;
    if (sinceUs !== undefined) {
      let hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (sorted[mid].us < sinceUs) lo = mid + 1;
        else hi = mid;
      }
    }
    const out = new Array<Review>(sorted.length - lo);
    for (let i = lo; i < sorted.length; i += 1) out[i - lo] = sorted[i].record;
    return out;
  }

  get reviewCount(): number {
    return this.reviews.size;
  }

  private putReview(review: Review, us: number): Review {
    // Rated reviews carry when they were rated; unrated ones have null there.
    const rated = review.rating !== null && review.rating !== undefined;
    const record: Review = {
      ...review,
      rating: rated ? review.rating : null,
      rated_on: rated ? (review.rated_on ?? isoMicros(us)) : null,
      ticket: review.ticket ? { ...review.ticket, closed_on: review.ticket.closed_on ?? isoMicros(us - 900_000_000) } : null,
      last_modified: isoMicros(us),
    };
    // Stored records are replaced, never mutated, so lists can hand them out without copying.
    this.reviews.set(review.id, { record, us });
    this.sortedReviews = undefined;
    this.ratedReviews = undefined;
    return record;
  }

  // NPS and project responses --------------------------------------------------------------

  addNps(changes: Partial<NpsResponse> = {}, atUs?: number): NpsResponse {
    const record = { ...seededNps(this.random, changes.id ?? this.nextNpsId++, this.reference), ...changes };
    this.nps.set(record.id, { record, us: atUs ?? nowMicros() });
    return { ...record, created_at: isoMicros(this.nps.get(record.id)!.us) };
  }

  /**
   * NPS responses are never edited in SmileBack; tests use this to move one to "now" (the
   * contract suite's "changed records").
   */
  restampNps(id: number, atUs?: number): void {
    const current = this.nps.get(id);
    if (!current) throw new Error(`No NPS response ${id}`);
    this.nps.set(id, { record: current.record, us: atUs ?? nowMicros() });
  }

  /** Created at or after `sinceUs`, oldest first, with the documented filters. */
  listNps(filter: { sinceUs?: number; campaign?: string; gt?: number; lt?: number; exact?: number }): NpsResponse[] {
    return [...this.nps.values()]
      .filter(({ us }) => filter.sinceUs === undefined || us >= filter.sinceUs)
      .filter(({ record }) => filter.campaign === undefined || record.campaign_name === filter.campaign)
      .filter(({ record }) => filter.gt === undefined || record.score > filter.gt)
      .filter(({ record }) => filter.lt === undefined || record.score < filter.lt)
      .filter(({ record }) => filter.exact === undefined || record.score === filter.exact)
      .sort((a, b) => a.us - b.us || a.record.id - b.record.id)
      .map(({ record, us }) => ({ ...record, created_at: isoMicros(us) }));
  }

  addProjectResponse(changes: Partial<ProjectResponse['response']> = {}, atUs?: number): ProjectResponse {
    const generated = seededProjectResponse(this.random, this.reference);
    const record: ProjectResponse = { ...generated, response: { ...generated.response, ...changes, id: changes.id ?? uuid(this.random) } };
    this.projects.set(record.response.id, { record, us: atUs ?? nowMicros() });
    return this.projectWithStamp(this.projects.get(record.response.id)!);
  }

  updateProjectResponse(id: string, changes: Partial<ProjectResponse['response']>, atUs?: number): void {
    const current = this.projects.get(id);
    if (!current) throw new Error(`No project response ${id}`);
    this.projects.set(id, { record: { ...current.record, response: { ...current.record.response, ...changes, id } }, us: atUs ?? nowMicros() });
  }

  /** In creation order (the API documents no ordering or filter for this list). */
  listProjectResponses(): ProjectResponse[] {
    return [...this.projects.values()].map((p) => this.projectWithStamp(p));
  }

  private projectWithStamp({ record, us }: Stamped<ProjectResponse>): ProjectResponse {
    return { ...record, response: { ...record.response, date: isoMicros(us).replace('Z', '+00:00') } };
  }

  // Reference lists ------------------------------------------------------------------------

  addReference(kind: ReferenceKind, record: ReferenceRecord): ReferenceRecord {
    this.reference[kind].push(record);
    return record;
  }

  updateReference(kind: ReferenceKind, id: string, changes: Partial<ReferenceRecord>): void {
    const list = this.reference[kind];
    const index = list.findIndex((r) => String(r.id) === id);
    if (index < 0) throw new Error(`No ${kind} record ${id}`);
    list[index] = { ...list[index], ...changes, id: list[index].id };
  }

  removeReference(kind: ReferenceKind, id: string): void {
    this.reference[kind] = this.reference[kind].filter((r) => String(r.id) !== id);
  }

  // Test hook -----------------------------------------------------------------------------

  /**
   * Serves the stored record `id` of `kind` with its id field set to `value` (undefined: the field
   * is gone), as a faulty API would; tests check that a trigger refuses such a record.
   */
  breakRecordId(kind: 'review' | 'nps-response' | 'prj-response' | ReferenceKind, id: string, value: unknown): void {
    if (kind === 'review' || kind === 'nps-response') {
      const map: Map<number, Stamped<{ id: number }>> = kind === 'review' ? this.reviews : this.nps;
      const stamped = map.get(Number(id));
      if (!stamped) throw new Error(`No ${kind} ${id}`);
      map.set(Number(id), { ...stamped, record: withId(stamped.record, value) });
      this.sortedReviews = undefined;
      this.ratedReviews = undefined;
    } else if (kind === 'prj-response') {
      const stamped = this.projects.get(id);
      if (!stamped) throw new Error(`No project response ${id}`);
      this.projects.set(id, { ...stamped, record: { ...stamped.record, response: withId(stamped.record.response, value) } });
    } else {
      const list = this.reference[kind];
      const index = list.findIndex((r) => String(r.id) === id);
      if (index < 0) throw new Error(`No ${kind} record ${id}`);
      list[index] = withId(list[index], value);
    }
  }

  /** Empties everything (tests start from a blank account). */
  clear(): void {
    this.reviews.clear();
    this.nps.clear();
    this.projects.clear();
    this.sortedReviews = undefined;
    this.ratedReviews = undefined;
    for (const kind of Object.keys(this.reference) as ReferenceKind[]) this.reference[kind] = [];
  }
}

/** A copy of `record` whose `id` is `value`, or without `id` when `value` is undefined. */
function withId<T extends object>(record: T, value: unknown): T {
  const copy: Record<string, unknown> = { ...record, id: value };
  if (value === undefined) delete copy.id;
  return copy as T;
}
