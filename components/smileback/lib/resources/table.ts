import { ConfigurationError, parseTimestamp, readBoolean, readInteger, strictText } from '@oih-suite/kit';
import type { SmilebackConfig } from '../auth';
import { npsResponseToFeedback } from '../mappings/npsResponseToFeedback';
import { organizationFromCompany } from '../mappings/organizationFromCompany';
import { personFromContact } from '../mappings/personFromContact';
import { projectResponseToFeedback } from '../mappings/projectResponseToFeedback';
import { referenceItem } from '../mappings/referenceItem';
import { reviewToFeedback } from '../mappings/reviewToFeedback';
import type { NpsResponse, ProjectResponse, ReferenceRecord, Review } from '../types';
import { ResourceDefinition, defineResource } from './definition';

export const reviews = defineResource<Review>({
  key: 'review',
  title: 'Reviews (CSAT)',
  path: '/v3/reviews/',
  triggerId: 'getReviewsPolling',
  detection: 'since',
  sinceParam: 'modified_since',
  id: (review) => review.id,
  cursor: (review) => parseTimestamp(review.last_modified),
  // "Reviews marked with status = deleted must be removed from local dataset."
  isDeleted: (review) => review.status === 'deleted',
  mapping: reviewToFeedback,
  schema: 'csatReview.json',
  // Unrated reviews are only listed on request; getScores needs them for the response rate.
  filters: (cfg) => ({ include_unrated: readBoolean(cfg, 'includeUnrated', false) ? 'true' : undefined }),
});

export const npsResponses = defineResource<NpsResponse>({
  key: 'nps-response',
  title: 'NPS responses',
  path: '/v3/nps-responses/',
  triggerId: 'getNpsResponsesPolling',
  detection: 'since',
  // NPS responses are never modified: they have `created_at` and no `last_modified`.
  sinceParam: 'created_since',
  id: (response) => response.id,
  cursor: (response) => parseTimestamp(response.created_at),
  mapping: npsResponseToFeedback,
  schema: 'npsResponse.json',
  filters: npsFilters,
});

export const projectResponses = defineResource<ProjectResponse>({
  key: 'prj-response',
  title: 'Project survey responses',
  path: '/v3/prj-responses/',
  triggerId: 'getProjectResponsesPolling',
  // The API documents no filter for project responses; each carries its `date`.
  detection: 'scan',
  id: (item) => item.response?.id,
  idField: 'response.id',
  cursor: (item) => parseTimestamp(item.response?.date),
  mapping: projectResponseToFeedback,
  schema: 'projectResponse.json',
});

const reference = (key: string, title: string, triggerId: string, mapping: string, schema: string): ResourceDefinition<ReferenceRecord> =>
  defineResource<ReferenceRecord>({
    key,
    title,
    path: `/v3/${key}/`,
    triggerId,
    detection: 'reference',
    id: (record) => record.id,
    mapping,
    schema,
  });

export const csatAgents = reference('csat-agents', 'CSAT agents', 'getCsatAgentsPolling', referenceItem, 'referenceItem.json');
export const csatBoards = reference('csat-boards', 'CSAT boards', 'getCsatBoardsPolling', referenceItem, 'referenceItem.json');
export const csatCompanies = reference('csat-companies', 'CSAT companies', 'getCsatCompaniesPolling', organizationFromCompany, 'organization.json');
export const csatContacts = reference('csat-contacts', 'CSAT contacts', 'getCsatContactsPolling', personFromContact, 'person.json');
export const npsCampaigns = reference('nps-campaigns', 'NPS campaigns', 'getNpsCampaignsPolling', referenceItem, 'referenceItem.json');
export const projectSurveys = reference('prj-surveys', 'Project surveys', 'getProjectSurveysPolling', referenceItem, 'referenceItem.json');

/** All nine, in the order of seed 000's resource list. */
export const RESOURCES: readonly ResourceDefinition<unknown>[] = [
  reviews,
  npsResponses,
  projectResponses,
  csatAgents,
  csatBoards,
  csatCompanies,
  csatContacts,
  npsCampaigns,
  projectSurveys,
] as ResourceDefinition<unknown>[];

export function findResource(key: string): ResourceDefinition<unknown> | undefined {
  return RESOURCES.find((r) => r.key === key);
}

/** The NPS list filters: `campaignName`, `scoreGt`, `scoreLt`, `scoreExact` (scores 0–10). */
export function npsFilters(cfg: SmilebackConfig): Record<string, string | number | undefined> {
  const score = (field: string) =>
    cfg[field] === undefined || cfg[field] === '' ? undefined : readInteger(cfg, field, { min: -1, max: 11, fallback: 0 });
  const exact = score('scoreExact');
  if (exact !== undefined && (exact < 0 || exact > 10)) throw new ConfigurationError('scoreExact', 'must be a score from 0 to 10');
  return {
    campaign_name: strictText(cfg.campaignName, 'campaignName', { trim: true }),
    score_gt: score('scoreGt'),
    score_lt: score('scoreLt'),
    score_exact: exact,
  };
}
