import { Config, defineAction } from '@oih-suite/kit';
import { upsertProducts } from '../steps/upserts';

export = defineAction<Config>({ name: 'upsertProducts', run: upsertProducts });
