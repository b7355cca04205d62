import { describeAction } from '@oih-suite/kit';
import { socialhub } from '../provider';
import { upsertProducts } from '../steps/upserts';

export = describeAction(socialhub, {
  id: 'upsertProducts',
  title: 'Upsert products',
  description: 'Master Data management: creates or replaces one product, or many in `products`, by code, in batches of 100. Prices in cents.',
  in: './lib/schemas/batchSyncProduct.in.json',
  out: './lib/schemas/productsOut.json',
  fields: {},
  run: upsertProducts,
});
