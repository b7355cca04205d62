import { RepeatedPageGuard } from './guard';
import { inFlight } from './readAhead';
import { checkAgainstTotal, confirmResumedEnd } from './resume';

/** One page of records and how to continue after it. */
export interface Page<T> {
  records: T[];
  /** A JSON value that resumes the listing right after this page (for checkpoints). */
  position?: unknown;
  /** True when the provider said there is nothing after this page. */
  last?: boolean;
}

/**
 * Follows `next` links (DRF, HAL...) until there is none. `first` may be a path. With `resumed`,
 * `first` is a stored `next` link: a provider only hands out a `next` link when records follow,
 * so an empty, final answer to it means the position lies beyond the end (ScanPositionLostError).
 */
export async function* paginateLinks<T>(
  what: string,
  first: string,
  fetch: (url: string) => Promise<{ records: T[]; next?: string | null }>,
  options: { resumed?: boolean } = {},
): AsyncGenerator<Page<T>> {
  const guard = new RepeatedPageGuard(what);
  let url: string | null | undefined = first;
  while (url) {
    guard.link(url);
    const { records, next } = await fetch(url);
    if (options.resumed && url === first && records.length === 0 && !next) await confirmResumedEnd(what, url, async () => false);
    guard.page(records);
    yield { records, position: next ?? null, last: !next };
    url = next;
  }
}

/** limit/offset paging: stops at a short page. A resumed `start` is checked like paginatePages' `startPage`. */
export async function* paginateOffset<T>(
  what: string,
  options: { limit: number; start?: number },
  fetch: (offset: number, limit: number) => Promise<T[]>,
): AsyncGenerator<Page<T>> {
  const guard = new RepeatedPageGuard(what);
  let offset = options.start ?? 0;
  for (;;) {
    const records = await fetch(offset, options.limit);
    if (records.length === 0 && offset > 0 && offset === options.start) {
      const before = Math.min(offset, options.limit);
      await confirmResumedEnd(what, `offset ${offset}`, async () => (await fetch(offset - before, before)).length === before);
    }
    guard.page(records);
    offset += records.length;
    const last = records.length < options.limit;
    yield { records, position: offset, last };
    if (last) return;
  }
}

/**
 * Page-number paging (0- or 1-based): stops at a short page or when `total` is reached. A short
 * page before `total` is an error, not the end; a resumed `startPage` whose page is empty is
 * checked against the page before it (see confirmResumedEnd). With `readAhead` the next page is
 * requested as soon as this one is known not to be the last (see readAhead.ts).
 */
export async function* paginatePages<T>(
  what: string,
  options: { pageSize: number; firstPage: 0 | 1; startPage?: number; readAhead?: boolean },
  fetch: (page: number, pageSize: number) => Promise<{ records: T[]; total?: number }>,
): AsyncGenerator<Page<T>> {
  const guard = new RepeatedPageGuard(what);
  let page = options.startPage ?? options.firstPage;
  let seen = (page - options.firstPage) * options.pageSize;
  let ahead: Promise<{ records: T[]; total?: number }> | undefined;
  for (;;) {
    const { records, total } = await (ahead ?? fetch(page, options.pageSize));
    if (records.length === 0 && page > options.firstPage && page === options.startPage) {
      const resumedAt = page;
      await confirmResumedEnd(what, `page ${page}`, async () =>
        // With a total, fewer than the records before the position means the list shrank past it.
        total !== undefined ? total >= seen : (await fetch(resumedAt - 1, options.pageSize)).records.length === options.pageSize,
      );
    }
    guard.page(records);
    checkAgainstTotal(what, records.length, options.pageSize, seen + records.length, total);
    seen += records.length;
    const last = records.length < options.pageSize || (total !== undefined && seen >= total);
    ahead = options.readAhead && !last ? inFlight(fetch(page + 1, options.pageSize)) : undefined;
    yield { records, position: page + 1, last };
    if (last) return;
    page += 1;
  }
}
