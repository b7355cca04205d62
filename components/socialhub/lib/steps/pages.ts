import { Page as KitPage, TransientError, paginatePages } from '@oih-suite/kit';
import type { Page, SocialHubClient } from '../client';
import type { Values } from '@oih-suite/kit';
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
  return paginatePages<T>(id, { pageSize, firstPage: 1, startPage }, async (pageNo, size) =>
    readPage<T>(id, await client.page<T>(id, { ...input, pageNo, pageSize: Math.min(size, MAX_PAGE_SIZE) })),
  );
}

/**
 * A page is `{list, total}`; `{total: 0}` without a list is an empty result. Anything else (no
 * `data` at all, an empty body) is a broken answer, retried later, never the end of the list:
 * taken as empty it would end a scan and skip the records after it.
 */
function readPage<T>(id: OperationId, data: unknown): { records: T[]; total?: number } {
  const page = (data && typeof data === 'object' && !Array.isArray(data) ? data : undefined) as Page<T> | undefined;
  const total = page?.total === undefined || page.total === null ? undefined : Number(page.total);
  if (page && Array.isArray(page.list)) return { records: page.list, total: Number.isFinite(total) ? total : undefined };
  if (page && page.list === undefined && total === 0) return { records: [], total: 0 };
  throw new TransientError(`SocialHub ${id} answered without a page ({list, total}) where one was expected`);
}
