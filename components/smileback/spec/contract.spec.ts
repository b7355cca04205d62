import { TriggerContractFixture, describeTriggerContract } from '@oih-suite/kit/testing';
import { RESOURCES, contractFixture } from './contractFixture';

for (const resource of RESOURCES) {
  const trigger = require(`../lib/triggers/${resource.triggerId}`) as TriggerContractFixture['trigger'];
  describeTriggerContract(`smileback ${resource.triggerId}`, () => contractFixture(resource.key, trigger));
}
