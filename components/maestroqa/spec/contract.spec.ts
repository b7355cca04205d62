import { describeTriggerContract } from '@oih-suite/kit/testing';
import coachingTrigger from '../lib/triggers/getCoachingSessionsPolling';
import rawExportTrigger from '../lib/triggers/getRawExportPolling';
import { coachingFixture, rawExportFixture } from './fixtures';

describeTriggerContract('maestroqa getCoachingSessionsPolling', () => coachingFixture(coachingTrigger));
describeTriggerContract('maestroqa getRawExportPolling', () => rawExportFixture(rawExportTrigger));
