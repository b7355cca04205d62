import { RepeatedPageGuard } from './guard';

/** One page of records and how to continue after it. */
export interface Page<T> {
  records: T[];
  /** A JSON value that resumes the listing right after this page (for checkpoints). */
  position?: unknown;
  /** True when the provider said there is nothing after this page. */
  last?: boolean;
}

/** Follows `next` links (DRF, HAL...) until there is none. `first` may be a path. */
export async function* paginateLinks<T>(
  what: string,
  first: string,
  fetch: (url: string) => Promise<{ records: T[]; next?: string | null }>,
): AsyncGenerator<Page<T>> {
  const guard = new RepeatedPageGuard(what);
  let url: string | null | undefined = first;
  while (url) {
    guard.link(url);
    const { records, next } = await fetch(url);
    guard.page(records);
    yield { records, position: next ?? null, last: !next };
    url = next;
  }
}

/** limit/offset paging: stops at a short page. */
export async function* paginateOffset<T>(
  what: string,
  options: { limit: number; start?: number },
  fetch: (offset: number, limit: number) => Promise<T[]>,
): AsyncGenerator<Page<T>> {
  const guard = new RepeatedPageGuard(what);
  let offset = options.start ?? 0;
  for (;;) {
    const records = await fetch(offset, options.limit);
    guard.page(records);
    offset += records.length;
    const last = records.length < options.limit;
    yield { records, position: offset, last };
    if (last) return;
  }
}

/** Page-number paging (0- or 1-based): stops at a short page or when `total` is reached. */
export async function* paginatePages<T>(
  what: string,
  options: { pageSize: number; firstPage: 0 | 1; startPage?: number },
  fetch: (page: number, pageSize: number) => Promise<{ records: T[]; total?: number }>,
): AsyncGenerator<Page<T>> {
  const guard = new RepeatedPageGuard(what);
  let page = options.startPage ?? options.firstPage;
  let seen = (page - options.firstPage) * options.pageSize;
  for (;;) {
    const { records, total } = await fetch(page, options.pageSize);
    guard.page(records);
    seen += records.length;
    const last = records.length < options.pageSize || (total !== undefined && seen >= total);
    yield { records, position: page + 1, last };
    if (last) return;
    page += 1;
  }
}
