import { describeHostileProvider } from '@oih-suite/kit/testing';
import exportCoachingSessions from '../lib/actions/exportCoachingSessions';
import coachingTrigger from '../lib/triggers/getCoachingSessionsPolling';
import rawExportTrigger from '../lib/triggers/getRawExportPolling';
import { coachingFixture } from './fixtures';

// MaestroQA takes a static API token (no token endpoint) and has no action that takes a record id or a list.
describeHostileProvider('maestroqa', () => ({
  trigger: coachingFixture(coachingTrigger),
  actionCall: {
    title: 'exportCoachingSessions',
    step: exportCoachingSessions,
    message: { metadata: {}, data: { startDate: '2024-01-01', endDate: '2024-01-02' } },
  },
  foreignDownload: {
    step: rawExportTrigger,
    cfg: { exportType: 'total_scores' },
    isLinkRequest: (req) => req.path === '/api/v1/get-export-data' || req.path.startsWith('/api/v1/export-data/'),
    linkTo: (_req, url) => ({ body: { status: 'complete', dataUrl: url } }),
  },
}));
