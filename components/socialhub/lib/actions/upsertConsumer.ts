import { Config, defineAction } from '@oih-suite/kit';
import { personToConsumer } from '../mappings/personToConsumer';
import { upsertConsumer } from '../steps/upserts';

export = defineAction<Config>({ name: 'upsertConsumer', mapping: personToConsumer, run: upsertConsumer });
