import { describeComponent } from '@oih-suite/kit';
import lookupReceiver from './actions/lookupReceiver';
import upsertReceiver from './actions/upsertReceiver';
import { cleverreach } from './provider';
import getReceiversByGroupIdPolling from './triggers/getReceiversByGroupIdPolling';
import getReceiversPolling from './triggers/getReceiversPolling';

/** The whole component: component.json is generated from it (`npm run generate`). */
export default describeComponent(cleverreach, {
  triggers: [getReceiversPolling, getReceiversByGroupIdPolling],
  actions: [upsertReceiver, lookupReceiver],
});
