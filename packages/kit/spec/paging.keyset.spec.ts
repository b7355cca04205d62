import { expect } from 'chai';
import { KeysetRequest, paginateKeyset } from '../src/paging/keyset';
import { paginateOffset } from '../src/paging/paginate';

interface Row {
  id: number;
  t: number;
}

/** A provider list: filtered by `t >= since`, sorted by (t, id), sliced by offset/limit. */
class ListProvider {
  readonly asked: KeysetRequest[] = [];
  constructor(public rows: Row[]) {}

  list({ since, offset, limit }: KeysetRequest): { records: Row[]; more: boolean } {
    this.asked.push({ since, offset, limit });
    const all = this.rows.filter((r) => since === undefined || r.t >= since).sort((a, b) => a.t - b.t || a.id - b.id);
    return { records: all.slice(offset, offset + limit).map((r) => ({ ...r })), more: offset + limit < all.length };
  }

  /** A record modified now: it moves to the end of the list. */
  touch(id: number, t: number): void {
    this.rows = this.rows.map((r) => (r.id === id ? { id, t } : r));
  }
}

const cursor = (r: Row) => r.t;
const rows = (n: number, timeOf: (i: number) => number = (i) => i * 10): Row[] => Array.from({ length: n }, (_, i) => ({ id: i + 1, t: timeOf(i) }));

async function readAll(pages: AsyncIterable<{ records: Row[] }>, afterPage?: (page: number) => void): Promise<number[]> {
  const ids: number[] = [];
  let page = 0;
  for await (const p of pages) {
    ids.push(...p.records.map((r) => r.id));
    afterPage?.(++page);
  }
  return ids;
}

describe('paginateKeyset', () => {
  it('starts each request at the newest time of the page before, skipping the records read at it', async () => {
    // Times 0,10,20,20,20,30,...: three records share 20 across the first page break.
    const provider = new ListProvider(rows(8, (i) => [0, 10, 20, 20, 20, 30, 40, 50][i]));
    const pages = paginateKeyset('rows', { since: undefined, limit: 4, cursor }, async (req) => provider.list(req));
    expect(await readAll(pages)).to.deep.equal([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(provider.asked).to.deep.equal([
      { since: undefined, offset: 0, limit: 4 },
      { since: 20, offset: 2, limit: 4 },
    ]);
  });

  it('gets past a page whose records all share one time by offset', async () => {
    const provider = new ListProvider(rows(7, (i) => (i < 5 ? 100 : 200 + i)));
    const pages = paginateKeyset('rows', { since: 100, limit: 2, cursor }, async (req) => provider.list(req));
    expect(await readAll(pages)).to.deep.equal([1, 2, 3, 4, 5, 6, 7]);
    expect(provider.asked.map((r) => [r.since, r.offset])).to.deep.equal([
      [100, 0],
      [100, 2],
      [100, 4],
      [205, 1],
    ]);
  });

  it('stops at the page the provider says is the last, and reports where each page started', async () => {
    const provider = new ListProvider(rows(3));
    const pages: unknown[] = [];
    for await (const page of paginateKeyset('rows', { since: 0, limit: 3, cursor }, async (req) => provider.list(req))) pages.push(page);
    expect(pages).to.deep.equal([{ records: rows(3), position: { since: 0, offset: 0 }, last: true }]);
  });

  it('loses no record when records already read are modified during the sync (offset paging does)', async () => {
    const touchAfterFirstPage = (provider: ListProvider) => (page: number) => {
      if (page === 1) {
        provider.touch(1, 1_000);
        provider.touch(2, 1_001);
      }
    };
    const offsetProvider = new ListProvider(rows(10));
    const offsetIds = await readAll(
      paginateOffset('rows', { limit: 4 }, async (offset, limit) => offsetProvider.list({ since: undefined, offset, limit }).records),
      touchAfterFirstPage(offsetProvider),
    );
    expect(new Set(offsetIds)).not.to.include(5).and.not.to.include(6);

    const keysetProvider = new ListProvider(rows(10));
    const keysetIds = await readAll(
      paginateKeyset('rows', { limit: 4, cursor }, async (req) => keysetProvider.list(req)),
      touchAfterFirstPage(keysetProvider),
    );
    // Every record once, and the two modified ones again with their new times.
    expect(keysetIds).to.deep.equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 1, 2]);
  });

  it('stops when the provider ignores the paging and serves the same page again', async () => {
    const same = { records: rows(2, () => 5), more: true };
    const pages = paginateKeyset('rows', { limit: 2, cursor }, async () => same);
    let error: Error | undefined;
    try {
      await readAll(pages);
    } catch (e) {
      error = e as Error;
    }
    expect(error?.message).to.equal('rows: the provider returned the same page twice in a row; stopping to avoid an endless loop');
  });
});
