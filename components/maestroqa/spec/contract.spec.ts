import { describeTriggerContract } from '@oih-suite/kit/testing';
import coachingTrigger from '../lib/triggers/getCoachingSessionsPolling';
import agentGroupsTrigger from '../lib/triggers/getAgentGroupsPolling';
import rawExportTrigger from '../lib/triggers/getRawExportPolling';
import { agentGroupsFixture, coachingFixture, rawExportFixture } from './fixtures';

describeTriggerContract('maestroqa getCoachingSessionsPolling', () => coachingFixture(coachingTrigger));
describeTriggerContract('maestroqa getRawExportPolling', () => rawExportFixture(rawExportTrigger));
describeTriggerContract('maestroqa getAgentGroupsPolling', () => agentGroupsFixture(agentGroupsTrigger));
