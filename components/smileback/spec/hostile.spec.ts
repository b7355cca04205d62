import { describeHostileProvider } from '@oih-suite/kit/testing';
import lookupReview from '../lib/actions/lookupReview';
import projectResponses from '../lib/triggers/getProjectResponsesPolling';
import { contractFixture } from './contractFixture';

// Project responses page by the API's `next` links (the reviews trigger pages by keyset): the link cases apply to them.
describeHostileProvider('smileback', () => ({
  trigger: contractFixture('prj-response', projectResponses),
  isTokenRequest: (req) => req.path.replace(/\/$/, '') === '/api/token',
  actionCall: { title: 'lookupReview', step: lookupReview, message: { metadata: {}, data: { id: '1' } } },
  nextLinkTo: (_req, url) => ({ body: { count: 50, next: url, previous: null, results: [] } }),
  scanPositionAt: (url) => ({
    lastUpdated: new Date(Date.now() - 86_400_000).toISOString(),
    scan: { until: new Date().toISOString(), after: url },
  }),
  idActions: [
    { title: 'lookupReview', step: lookupReview, message: (recordUid) => ({ metadata: { recordUid }, data: {} }) },
    { title: 'lookupReview by data.id', step: lookupReview, field: 'data.id', message: (id) => ({ metadata: {}, data: { id } }) },
  ],
}));
