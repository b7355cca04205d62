import { describeComponent } from '@oih-suite/kit';
import getScores from './actions/getScores';
import lookupReview from './actions/lookupReview';
import syncResource from './actions/syncResource';
import { smileback } from './provider';
import getCsatAgentsPolling from './triggers/getCsatAgentsPolling';
import getCsatBoardsPolling from './triggers/getCsatBoardsPolling';
import getCsatCompaniesPolling from './triggers/getCsatCompaniesPolling';
import getCsatContactsPolling from './triggers/getCsatContactsPolling';
import getNpsCampaignsPolling from './triggers/getNpsCampaignsPolling';
import getNpsResponsesPolling from './triggers/getNpsResponsesPolling';
import getProjectResponsesPolling from './triggers/getProjectResponsesPolling';
import getProjectSurveysPolling from './triggers/getProjectSurveysPolling';
import getReviewsPolling from './triggers/getReviewsPolling';

/** The whole component: component.json is generated from it (`npm run generate`). */
export default describeComponent(smileback, {
  triggers: [
    getReviewsPolling,
    getNpsResponsesPolling,
    getProjectResponsesPolling,
    getCsatAgentsPolling,
    getCsatBoardsPolling,
    getCsatCompaniesPolling,
    getCsatContactsPolling,
    getNpsCampaignsPolling,
    getProjectSurveysPolling,
  ],
  actions: [getScores, syncResource, lookupReview],
});
