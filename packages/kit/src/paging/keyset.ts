import { TransientError } from '../errors';
import { RepeatedPageGuard } from './guard';
import type { Page } from './paginate';

/** Where the next keyset request starts: records changed at or after `since`, the first `offset` of them skipped. */
export interface KeysetRequest {
  since: number | undefined;
  offset: number;
  limit: number;
}

/**
 * Keyset paging over a list the provider filters by an inclusive lower time bound and returns
 * oldest first (ties in a stable order). Each request starts at the newest time of the page
 * before and skips the records at that time already read. Offsets counted from the start of the
 * list would shift whenever a record already read is modified during the sync (it moves to the
 * end), and the record at the next page boundary would be skipped; here only records at one
 * instant can shift.
 */
export async function* paginateKeyset<T>(
  what: string,
  options: { since?: number; limit: number; cursor: (record: T) => number | undefined },
  fetch: (request: KeysetRequest) => Promise<{ records: T[]; more: boolean }>,
): AsyncGenerator<Page<T>> {
  const guard = new RepeatedPageGuard(what);
  const request: KeysetRequest = { since: options.since, offset: 0, limit: options.limit };
  for (;;) {
    const { records, more } = await fetch({ ...request });
    if (more && records.length === 0)
      throw new TransientError(`${what}: the provider said more records follow but served an empty page; not taken as the end of the data`);
    guard.page(records);
    const last = !more;
    yield { records, position: { since: request.since ?? null, offset: request.offset }, last };
    if (last) return;
    advance(request, records, options.cursor);
  }
}

function advance<T>(request: KeysetRequest, records: T[], cursor: (record: T) => number | undefined): void {
  let newest: number | undefined;
  let atNewest = 0;
  for (const record of records) {
    const t = cursor(record);
    if (t === undefined) continue;
    if (newest === undefined || t > newest) {
      newest = t;
      atNewest = 1;
    } else if (t === newest) atNewest += 1;
  }
  if (newest === undefined || newest === request.since) {
    // A whole page at one instant (or without times): only an offset gets past it.
    request.offset += records.length;
  } else {
    request.since = newest;
    request.offset = atNewest;
  }
}
