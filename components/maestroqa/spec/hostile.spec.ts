import { describeHostileProvider } from '@oih-suite/kit/testing';
import exportCoachingSessions from '../lib/actions/exportCoachingSessions';
import coachingTrigger from '../lib/triggers/getCoachingSessionsPolling';
import { coachingFixture } from './fixtures';

// MaestroQA takes a static API token (no token endpoint) and has no action that takes a record id or a list.
describeHostileProvider('maestroqa', () => ({
  trigger: coachingFixture(coachingTrigger),
  actionCall: {
    title: 'exportCoachingSessions',
    step: exportCoachingSessions,
    message: { metadata: {}, data: { startDate: '2024-01-01', endDate: '2024-01-02' } },
  },
}));
