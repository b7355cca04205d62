import { describeTriggerContract } from '@oih-suite/kit/testing';
import byGroup from '../lib/triggers/getReceiversByGroupIdPolling';
import allGroups from '../lib/triggers/getReceiversPolling';
import { contractFixture } from './helpers';

describeTriggerContract('cleverreach getReceiversPolling', () => contractFixture(allGroups));
// groupName in other case: the group is matched case-insensitively.
describeTriggerContract('cleverreach getReceiversByGroupIdPolling', () =>
  contractFixture(byGroup, { home: 'Customers', extraCfg: { groupName: 'customers' } }),
);
