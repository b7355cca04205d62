import { describeComponent } from '@oih-suite/kit';
import exportCoachingSessions from './actions/exportCoachingSessions';
import { maestroqa } from './provider';
import getAgentGroupsPolling from './triggers/getAgentGroupsPolling';
import getCoachingSessionsPolling from './triggers/getCoachingSessionsPolling';
import getRawExportPolling from './triggers/getRawExportPolling';

/** The whole component: component.json is generated from it (`npm run generate`). */
export default describeComponent(maestroqa, {
  triggers: [getCoachingSessionsPolling, getRawExportPolling, getAgentGroupsPolling],
  actions: [exportCoachingSessions],
});
