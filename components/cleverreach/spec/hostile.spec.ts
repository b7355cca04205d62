import { describeHostileProvider } from '@oih-suite/kit/testing';
import lookupReceiver from '../lib/actions/lookupReceiver';
import upsertReceiver from '../lib/actions/upsertReceiver';
import allGroups from '../lib/triggers/getReceiversPolling';
import { contractFixture } from './helpers';

const person = { firstName: 'Anna', contactData: [{ type: 'email', value: 'anna@example.com' }] };

describeHostileProvider('cleverreach', () => ({
  trigger: contractFixture(allGroups),
  isTokenRequest: (req) => req.path === '/oauth/token.php',
  actionCall: { title: 'lookupReceiver', step: lookupReceiver, message: { metadata: {}, data: { email: 'anna@example.com' } } },
  idActions: [
    { title: 'upsertReceiver', step: upsertReceiver, cfg: { groupId: '1' }, message: (recordUid) => ({ metadata: { recordUid }, data: person }) },
    { title: 'lookupReceiver', step: lookupReceiver, message: (recordUid) => ({ metadata: { recordUid }, data: {} }) },
    { title: 'lookupReceiver by data.id', step: lookupReceiver, field: 'data.id', message: (id) => ({ metadata: {}, data: { id } }) },
  ],
  deleteActions: [
    {
      title: 'upsertReceiver',
      step: upsertReceiver,
      cfg: { groupId: '1', deletes: true },
      message: (deleteRequested) => ({ metadata: { recordUid: '55' }, data: { deleteRequested } }),
    },
  ],
}));
