import { Config, defineAction } from '@oih-suite/kit';
import { organizationToStore } from '../mappings/organizationToStore';
import { upsertStore } from '../steps/upserts';

export = defineAction<Config>({ name: 'upsertStore', mapping: organizationToStore, run: upsertStore });
