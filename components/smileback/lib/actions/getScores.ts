import { ConfigurationError, describeAction, field, now, oihMessage, parseTimestamp, strictTime, text, toIso } from '@oih-suite/kit';
import { MAX_PAGE_SIZE } from '../client';
import { smileback } from '../provider';
import { csatScores, npsScores, projectScores } from '../scores';
import type { NpsResponse, ProjectResponse, Review } from '../types';

/**
 * Net CSAT, response rate, NPS and project survey score for a period, computed from the API's
 * records (the Data Replication API has no score endpoint). A review belongs to the period of its
 * ticket's closing (when the survey went out), so unrated reviews count for the response rate;
 * NPS responses by `created_at`, project responses by their `date`.
 */
export = describeAction(smileback, {
  id: 'getScores',
  title: 'Get scores',
  description:
    'Net CSAT, response rate, NPS and project survey score for a period, each with the counts it was computed from (nulls with zero counts for an empty period)',
  in: './lib/schemas/getScores.in.json',
  out: './lib/schemas/getScores.out.json',
  fieldsFromMessage: true,
  fields: {
    from: timeField('From', '2024-01-01T00:00:00Z', "ISO 8601, inclusive; the message's data.from overrides it", true),
    to: timeField('To', '2024-03-31T23:59:59Z', "ISO 8601, inclusive (default now); the message's data.to overrides it", false),
    boardId: text({ label: 'Board id', placeholder: '1', note: 'Only reviews of this board (ticket segment id)' }),
    companyId: text({ label: 'Company id', placeholder: '500', note: 'Only reviews of this company' }),
    campaignName: text({ label: 'NPS campaign', placeholder: 'Quarterly NPS', note: 'Only NPS responses of this campaign' }),
    surveyName: text({ label: 'Project survey', placeholder: 'Project close-out', note: 'Only responses of this project survey' }),
  },
  async run({ client, settings, log, emitter, applicationUid }) {
    const { boardId, companyId, campaignName, surveyName } = settings;
    const from = settings.from!;
    const to = settings.to ?? now();
    if (to < from) throw new ConfigurationError('to', 'must not be before from');
    const inPeriod = (t: number | undefined) => t !== undefined && t >= from && t <= to;
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
    await emitter.data(oihMessage(data, { applicationUid }));
  },
});

/** An ISO 8601 time of the period; `from` is required. */
function timeField(label: string, placeholder: string, note: string, required: boolean) {
  return field({ label, viewClass: 'TextFieldView', required: false, placeholder, note }, (values, name): number | undefined => {
    // Strict (h3): free-form dates, negative or fractional epochs are errors naming the field.
    const ms = strictTime(values[name], name);
    if (ms === undefined && required) throw new ConfigurationError(name, 'is required (ISO 8601, e.g. 2024-01-01T00:00:00Z)');
    return ms;
  });
}
