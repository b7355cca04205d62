import { ConnectorError, DescribedStream, checkbox, describeAction, field, oihMessage, strictText, strictTime } from '@oih-suite/kit';
import { smileback } from '../provider';
import getCsatAgentsPolling from '../triggers/getCsatAgentsPolling';
import getCsatBoardsPolling from '../triggers/getCsatBoardsPolling';
import getCsatCompaniesPolling from '../triggers/getCsatCompaniesPolling';
import getCsatContactsPolling from '../triggers/getCsatContactsPolling';
import getNpsCampaignsPolling from '../triggers/getNpsCampaignsPolling';
import getNpsResponsesPolling from '../triggers/getNpsResponsesPolling';
import getProjectResponsesPolling from '../triggers/getProjectResponsesPolling';
import getProjectSurveysPolling from '../triggers/getProjectSurveysPolling';
import getReviewsPolling from '../triggers/getReviewsPolling';

/** Seed 000's resource names and the trigger that reads each. */
const RESOURCES: Record<string, { title: string; stream: DescribedStream }> = {
  review: { title: 'Reviews (CSAT)', stream: getReviewsPolling },
  'nps-response': { title: 'NPS responses', stream: getNpsResponsesPolling },
  'prj-response': { title: 'Project survey responses', stream: getProjectResponsesPolling },
  'csat-agents': { title: 'CSAT agents', stream: getCsatAgentsPolling },
  'csat-boards': { title: 'CSAT boards', stream: getCsatBoardsPolling },
  'csat-companies': { title: 'CSAT companies', stream: getCsatCompaniesPolling },
  'csat-contacts': { title: 'CSAT contacts', stream: getCsatContactsPolling },
  'nps-campaigns': { title: 'NPS campaigns', stream: getNpsCampaignsPolling },
  'prj-surveys': { title: 'Project surveys', stream: getProjectSurveysPolling },
};

/**
 * Seed 000's "Sync" operation, on demand: every record of one resource (all pages), one message
 * each, read and mapped by the resource's trigger. `lastModifiedSince` narrows reviews
 * (modified_since) and NPS responses (created_since) on the server and project responses by their
 * date; the reference lists have no change time, so they are always read whole.
 */
export = describeAction(smileback, {
  id: 'syncResource',
  title: 'Sync a resource',
  description: "Reads every record of one resource (all pages) and emits one message each; emits one 'No records found' message when nothing matches",
  in: './lib/schemas/syncResource.in.json',
  out: './lib/schemas/syncResource.out.json',
  fieldsFromMessage: true,
  fields: {
    resource: field(
      {
        label: 'Resource',
        viewClass: 'SelectView',
        required: true,
        note: "Which list to read; an unknown name fails with 'Resource not supported: <name>'",
        model: Object.fromEntries(Object.entries(RESOURCES).map(([key, r]) => [key, r.title])),
        prompt: 'Select a resource',
      },
      (values, name) => {
        const key = strictText(values[name], name, { trim: true }) ?? 'review';
        if (!RESOURCES[key]) throw new ConnectorError(`Resource not supported: ${key}`, { field: name });
        return key;
      },
    ),
    lastModifiedSince: field(
      {
        label: 'Last Modified Since',
        viewClass: 'TextFieldView',
        required: false,
        placeholder: '2024-01-31T00:00:00Z',
        note: 'ISO 8601; retrieve records modified (reviews), created (NPS) or dated (project responses) at or after this time; the reference lists have no time and are read whole',
      },
      // The text as given (the "No records found" message repeats it) and its time.
      (values, name) => {
        // Strict (h3): free-form dates, negative or fractional epochs and objects are errors naming the field.
        const at = strictTime(values[name], name);
        return at === undefined ? undefined : { text: strictText(values[name], name, { trim: true }) ?? String(at), at };
      },
    ),
    includeUnrated: checkbox({ label: 'Include unrated reviews', note: 'Reviews only: also read unrated reviews' }),
  },
  async run({ settings, log, emitter, applicationUid, emitStream }) {
    const emitted = await emitStream(RESOURCES[settings.resource].stream, { since: settings.lastModifiedSince?.at });
    if (emitted === 0) {
      const data = { message: 'No records found', resource: settings.resource, lastModifiedSince: settings.lastModifiedSince?.text ?? null };
      await emitter.data(oihMessage(data, { applicationUid }));
    }
    log.info('Sync done', { resource: settings.resource, emitted });
  },
});
