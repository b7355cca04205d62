import { describeHostileProvider } from '@oih-suite/kit/testing';
import coachingTrigger from '../lib/triggers/getCoachingSessionsPolling';
import { coachingFixture } from './fixtures';

// MaestroQA takes a static API token (no token endpoint) and has no action that takes a record id or a list.
describeHostileProvider('maestroqa', () => ({ trigger: coachingFixture(coachingTrigger) }));
