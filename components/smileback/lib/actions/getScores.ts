import { ConfigurationError, defineAction, now, oihMessage, parseTimestamp, strictText, strictTime, toIso } from '@oih-suite/kit';
import type { SmilebackConfig } from '../auth';
import { APPLICATION_UID, MAX_PAGE_SIZE, createClient } from '../client';
import { csatScores, npsScores, projectScores } from '../scores';
import { shutdown } from '../shutdown';
import type { NpsResponse, ProjectResponse, Review } from '../types';
import { fieldsOf } from './inputs';

/**
 * Net CSAT, response rate, NPS and project survey score for a period, computed from the API's
 * records (the Data Replication API has no score endpoint). A review belongs to the period of its
 * ticket's closing (when the survey went out), so unrated reviews count for the response rate;
 * NPS responses by `created_at`, project responses by their `date`.
 */
const action = defineAction<SmilebackConfig>({
  name: 'getScores',
  run: async ({ cfg, log, redactor, emitter, input }) => {
    const fields = fieldsOf(cfg, input.data);
    const from = requireTime(fields, 'from');
    const to = optionalTime(fields, 'to') ?? now();
    if (to < from) throw new ConfigurationError('to', 'must not be before from');
    const inPeriod = (t: number | undefined) => t !== undefined && t >= from && t <= to;
    const [boardId, companyId, campaignName, surveyName] = ['boardId', 'companyId', 'campaignName', 'surveyName'].map((field) =>
      strictText(fields[field], field, { trim: true }),
    );
    const client = createClient({ cfg, log, redactor, emitter });
    const since = toIso(from);

    // Everything created in the period was modified in it or later: modified_since narrows the read.
    const reviews = (await client.all<Review>('/v3/reviews/', { modified_since: since, include_unrated: 'true', limit: MAX_PAGE_SIZE })).filter(
      (r) =>
        r.status !== 'deleted' &&
        inPeriod(parseTimestamp(r.ticket?.closed_on) ?? parseTimestamp(r.last_modified)) &&
        (!boardId || r.ticket?.segment?.id === boardId) &&
        (!companyId || r.company?.id === companyId),
    );
    const nps = (
      await client.all<NpsResponse>('/v3/nps-responses/', { created_since: since, campaign_name: campaignName, limit: MAX_PAGE_SIZE })
    ).filter((r) => inPeriod(parseTimestamp(r.created_at)));
    const projects = (await client.all<ProjectResponse>('/v3/prj-responses/', { limit: MAX_PAGE_SIZE })).filter(
      (r) => inPeriod(parseTimestamp(r.response?.date)) && (!surveyName || r.response?.survey_name === surveyName),
    );

    const data = {
      period: { from: toIso(from), to: toIso(to) },
      filters: { boardId: boardId ?? null, companyId: companyId ?? null, campaignName: campaignName ?? null, surveyName: surveyName ?? null },
      csat: csatScores(reviews),
      nps: npsScores(nps),
      projectSurvey: projectScores(projects),
    };
    log.info('Scores computed', { reviews: reviews.length, npsResponses: nps.length, projectResponses: projects.length });
    await emitter.data(oihMessage(data, { applicationUid: APPLICATION_UID }));
  },
});

function requireTime(fields: SmilebackConfig, field: string): number {
  const value = optionalTime(fields, field);
  if (value === undefined) throw new ConfigurationError(field, 'is required (ISO 8601, e.g. 2024-01-01T00:00:00Z)');
  return value;
}

function optionalTime(fields: SmilebackConfig, field: string): number | undefined {
  return strictTime(fields[field], field);
}

export = { ...action, shutdown };
