import { describeHostileProvider } from '@oih-suite/kit/testing';
import lookupReview from '../lib/actions/lookupReview';
import reviews from '../lib/triggers/getReviewsPolling';
import { contractFixture } from './contractFixture';

describeHostileProvider('smileback', () => ({
  trigger: contractFixture('review', reviews),
  isTokenRequest: (req) => req.path === '/api/token',
  idActions: [
    { title: 'lookupReview', step: lookupReview, message: (recordUid) => ({ metadata: { recordUid }, data: {} }) },
    { title: 'lookupReview by data.id', step: lookupReview, field: 'data.id', message: (id) => ({ metadata: {}, data: { id } }) },
  ],
}));
