import { expectCompiledLikeJsonata, MappingInput, rawRecords } from '@oih-suite/kit/testing';
import { npsResponseToFeedback } from '../lib/mappings/npsResponseToFeedback';
import { organizationFromCompany } from '../lib/mappings/organizationFromCompany';
import { personFromContact } from '../lib/mappings/personFromContact';
import { projectResponseToFeedback } from '../lib/mappings/projectResponseToFeedback';
import { referenceItem } from '../lib/mappings/referenceItem';
import { reviewToFeedback } from '../lib/mappings/reviewToFeedback';
import agents from '../lib/triggers/getCsatAgentsPolling';
import boards from '../lib/triggers/getCsatBoardsPolling';
import companies from '../lib/triggers/getCsatCompaniesPolling';
import contacts from '../lib/triggers/getCsatContactsPolling';
import campaigns from '../lib/triggers/getNpsCampaignsPolling';
import nps from '../lib/triggers/getNpsResponsesPolling';
import projectResponses from '../lib/triggers/getProjectResponsesPolling';
import surveys from '../lib/triggers/getProjectSurveysPolling';
import reviews from '../lib/triggers/getReviewsPolling';
import { startSimulator } from '../simulator';

/** Issue 14: the built-in mappings run compiled; over every simulator record they say what jsonata says. */
describe('Smileback built-in mappings compiled: identical to jsonata over every simulator record', function () {
  this.timeout(180_000);
  const records: Record<string, MappingInput[]> = {};

  before(async () => {
    const sim = await startSimulator({ records: 4000, seed: 14, rateLimits: false });
    try {
      const triggers = { agents, boards, companies, contacts, campaigns, nps, projectResponses, surveys, reviews };
      for (const [name, trigger] of Object.entries(triggers)) records[name] = await rawRecords(trigger.process, sim.cfg);
    } finally {
      await sim.stop();
    }
  });

  const cases: [string, string, () => MappingInput[]][] = [
    ['review → feedback', reviewToFeedback, () => records.reviews],
    ['NPS response → feedback', npsResponseToFeedback, () => records.nps],
    ['project response → feedback', projectResponseToFeedback, () => records.projectResponses],
    [
      'contact → Person',
      personFromContact,
      () => [...records.contacts, ...records.reviews.slice(0, 300).map((r) => ({ data: (r.data as { contact?: unknown }).contact }))],
    ],
    ['company → Organization', organizationFromCompany, () => records.companies],
    ['reference item', referenceItem, () => [...records.agents, ...records.boards, ...records.campaigns, ...records.surveys]],
  ];
  for (const [name, expression, inputs] of cases) {
    it(`${name}: compiled, identical on every record and awkward variants`, async () => {
      await expectCompiledLikeJsonata(expression, inputs());
    });
  }
});
