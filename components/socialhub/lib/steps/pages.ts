import { Page as KitPage, paginatePages } from '@oih-suite/kit';
import type { Page, SocialHubClient } from '../client';
import type { Values } from '../operations/request';
import type { OperationId } from '../operations/table';

/** The most SocialHub returns per page. */
export const MAX_PAGE_SIZE = 100;

/** Pages of a paged operation (`pageNo` from 1, `{list, total}` answers), through the kit's pager. */
export function operationPages<T>(
  client: SocialHubClient,
  id: OperationId,
  input: Values,
  pageSize: number,
  startPage?: number,
): AsyncGenerator<KitPage<T>> {
  return paginatePages<T>(id, { pageSize, firstPage: 1, startPage }, async (pageNo, size) => {
    const page = ((await client.run(id, { ...input, pageNo, pageSize: size })) ?? { list: [] }) as Page<T>;
    return { records: page.list ?? [], total: page.total };
  });
}
