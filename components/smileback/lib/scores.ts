import type { NpsResponse, ProjectResponse, Review } from './types';

/**
 * The four SmileBack scores, computed the way the Data Replication API documentation defines
 * them. Every figure comes with the counts it was computed from; an empty period gives null, not
 * a division by zero. Figures are rounded to two decimals.
 */

export interface CsatScores {
  /** Mean of +100 (positive), 0 (neutral), −100 (negative) over rated reviews. */
  netCsat: number | null;
  /** Rated reviews / all reviews, in percent. */
  responseRate: number | null;
  counts: { reviews: number; rated: number; unrated: number; positive: number; neutral: number; negative: number };
}

export interface NpsScores {
  /** % promoters (9–10) − % detractors (0–6). */
  nps: number | null;
  counts: { responses: number; promoters: number; passives: number; detractors: number };
}

export interface ProjectScores {
  /** The mean of the per-question averages. */
  score: number | null;
  categories: { question: string; average: number; ratings: number }[];
  counts: { responses: number; ratings: number; categories: number };
}

export const round2 = (n: number): number => Math.round(n * 100) / 100;

export function csatScores(reviews: Review[]): CsatScores {
  const counts = { reviews: reviews.length, rated: 0, unrated: 0, positive: 0, neutral: 0, negative: 0 };
  for (const review of reviews) {
    if (review.rating === 1) counts.positive += 1;
    else if (review.rating === 0) counts.neutral += 1;
    else if (review.rating === -1) counts.negative += 1;
    else counts.unrated += 1;
  }
  counts.rated = counts.positive + counts.neutral + counts.negative;
  return {
    netCsat: counts.rated ? round2(((counts.positive - counts.negative) * 100) / counts.rated) : null,
    responseRate: counts.reviews ? round2((counts.rated * 100) / counts.reviews) : null,
    counts,
  };
}

export function npsScores(responses: NpsResponse[]): NpsScores {
  const counts = { responses: responses.length, promoters: 0, passives: 0, detractors: 0 };
  for (const { score } of responses) {
    if (score >= 9) counts.promoters += 1;
    else if (score >= 7) counts.passives += 1;
    else counts.detractors += 1;
  }
  return {
    nps: counts.responses ? round2(((counts.promoters - counts.detractors) * 100) / counts.responses) : null,
    counts,
  };
}

export function projectScores(responses: ProjectResponse[]): ProjectScores {
  const byQuestion = new Map<string, { sum: number; n: number }>();
  let ratings = 0;
  for (const { response } of responses) {
    for (const { question, rating } of response.ratings ?? []) {
      if (typeof rating !== 'number') continue;
      const entry = byQuestion.get(question) ?? { sum: 0, n: 0 };
      entry.sum += rating;
      entry.n += 1;
      byQuestion.set(question, entry);
      ratings += 1;
    }
  }
  // Unrounded averages feed the overall score, so rounding happens once.
  const exact = [...byQuestion.entries()].map(([question, { sum, n }]) => ({ question, mean: sum / n, ratings: n }));
  const overall = exact.length ? exact.reduce((total, c) => total + c.mean, 0) / exact.length : undefined;
  return {
    score: overall === undefined ? null : round2(overall),
    categories: exact.map((c) => ({ question: c.question, average: round2(c.mean), ratings: c.ratings })),
    counts: { responses: responses.length, ratings, categories: exact.length },
  };
}
