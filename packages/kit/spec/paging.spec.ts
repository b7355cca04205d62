import { expect } from 'chai';
import { RepeatedPageGuard } from '../src/paging/guard';
import { paginateLinks, paginateOffset, paginatePages } from '../src/paging/paginate';
import { collect, rejection } from './helpers/promises';

describe('paging', () => {
  it('paginateLinks follows next links until there is none', async () => {
    const links: Record<string, { records: number[]; next?: string | null }> = {
      '/items': { records: [1, 2], next: '/items?page=2' },
      '/items?page=2': { records: [3, 4], next: 'https://api.test/items?page=3' },
      'https://api.test/items?page=3': { records: [5], next: null },
    };
    const asked: string[] = [];
    const pages = await collect(paginateLinks('items', '/items', async (url) => (asked.push(url), links[url])));
    expect(asked).to.deep.equal(Object.keys(links));
    expect(pages).to.deep.equal([
      { records: [1, 2], position: '/items?page=2', last: false },
      { records: [3, 4], position: 'https://api.test/items?page=3', last: false },
      { records: [5], position: null, last: true },
    ]);
  });

  it('paginateLinks stops when a link comes back', async () => {
    const error = await rejection(collect(paginateLinks('items', '/a', async (url) => ({ records: [url], next: url === '/a' ? '/b' : '/a' }))));
    expect(error.message).to.equal('items: the provider returned the link /a twice; stopping to avoid an endless loop');
  });

  it('paginateOffset moves by the records received and stops at a short page', async () => {
    const data = [1, 2, 3, 4, 5, 6, 7];
    const asked: number[][] = [];
    const pages = await collect(
      paginateOffset('items', { limit: 3, start: 1 }, async (offset, limit) => (asked.push([offset, limit]), data.slice(offset, offset + limit))),
    );
    expect(asked).to.deep.equal([
      [1, 3],
      [4, 3],
      [7, 3],
    ]);
    expect(pages.map((p) => [p.records, p.position, p.last])).to.deep.equal([
      [[2, 3, 4], 4, false],
      [[5, 6, 7], 7, false],
      [[], 7, true],
    ]);
  });

  it('paginateOffset stops when the provider ignores the offset', async () => {
    const error = await rejection(collect(paginateOffset('items', { limit: 2 }, async () => [1, 2])));
    expect(error.message).to.include('the same page twice in a row');
  });

  it('paginatePages counts pages from 0 or 1, resumes at startPage, and stops at total', async () => {
    const data = [1, 2, 3, 4, 5, 6];
    const fetch = (base: 0 | 1) => async (page: number, size: number) => ({
      records: data.slice((page - base) * size, (page - base + 1) * size),
      total: data.length,
    });
    const oneBased = await collect(paginatePages('items', { pageSize: 2, firstPage: 1 }, fetch(1)));
    expect(oneBased.map((p) => [p.records, p.position, p.last])).to.deep.equal([
      [[1, 2], 2, false],
      [[3, 4], 3, false],
      [[5, 6], 4, true],
    ]);
    const resumed = await collect(paginatePages('items', { pageSize: 2, firstPage: 0, startPage: 1 }, fetch(0)));
    expect(resumed.map((p) => p.records)).to.deep.equal([
      [3, 4],
      [5, 6],
    ]);
    expect(resumed[1].last).to.equal(true);
  });

  it('paginatePages without total stops at a short page, and guards against a repeated page', async () => {
    const short = await collect(paginatePages('items', { pageSize: 3, firstPage: 1 }, async (page) => ({ records: page === 1 ? [1, 2, 3] : [4] })));
    expect(short.map((p) => p.last)).to.deep.equal([false, true]);
    const error = await rejection(collect(paginatePages('items', { pageSize: 2, firstPage: 1 }, async () => ({ records: ['same', 'page'] }))));
    expect(error.message).to.include('items: the provider returned the same page twice');
  });

  it('the guard ignores empty pages and allows the same content when not consecutive', () => {
    const guard = new RepeatedPageGuard('x');
    guard.page([]);
    guard.page([]);
    guard.page([1]);
    guard.page([2]);
    guard.page([1]);
    expect(() => guard.page([1])).to.throw(/same page twice/);
  });

  it('the guard tells pages by length and first and last records: a page that moved on passes, the same window again does not', () => {
    const record = (id: number) => ({ id, name: `r${id}`, nested: { tags: [id] } });
    const guard = new RepeatedPageGuard('x');
    guard.page([record(1), record(2), record(3)]);
    guard.page([record(2), record(3), record(4)]);
    guard.page([record(2), record(3)]);
    guard.page([record(2), record(9), record(4)]);
    // Same first and last record, same length: the provider served the same window again.
    expect(() => guard.page([record(2), { id: 5 }, record(4)])).to.throw(/same page twice/);
  });
});
