import { expect } from 'chai';
import { ScanPositionLostError, TransientError } from '../src/errors';
import { paginateKeyset } from '../src/paging/keyset';
import { paginateLinks, paginateOffset, paginatePages } from '../src/paging/paginate';
import { collect, rejection } from './helpers/promises';

/** A list of `size` numbers served in pages of `pageSize`, page numbers from `firstPage`. */
const pagesOf = (size: number, firstPage: 0 | 1) => async (page: number, pageSize: number) => {
  const start = (page - firstPage) * pageSize;
  return { records: Array.from({ length: Math.max(0, Math.min(pageSize, size - start)) }, (_, i) => start + i) };
};

describe('paging: short and empty pages, resumed positions', () => {
  it('paginatePages: a stored page past the end is a lost position (checked against the page before it)', async () => {
    const error = await rejection(collect(paginatePages('items', { pageSize: 10, firstPage: 1, startPage: 5 }, pagesOf(25, 1))));
    expect(error).to.be.instanceOf(ScanPositionLostError);
    expect(error.message).to.equal('items: the stored scan position page 5 lies beyond the end of the list');
  });

  it('paginatePages: an empty page right after a full one is the true end of a resumed scan', async () => {
    const asked: number[] = [];
    const fetch = pagesOf(20, 0);
    const pages = await collect(paginatePages('items', { pageSize: 10, firstPage: 0, startPage: 2 }, async (p, s) => (asked.push(p), fetch(p, s))));
    expect(pages).to.deep.equal([{ records: [], position: 3, last: true }]);
    expect(asked).to.deep.equal([2, 1]);
  });

  it('paginatePages: with a total, a resumed page past it is lost and no extra request is made', async () => {
    let requests = 0;
    const fetch = async () => (requests++, { records: [], total: 12 });
    expect(await rejection(collect(paginatePages('items', { pageSize: 10, firstPage: 1, startPage: 3 }, fetch)))).to.be.instanceOf(
      ScanPositionLostError,
    );
    expect(requests).to.equal(1);
  });

  it('paginatePages: a short or empty page while the total says more remain is a retryable error, not the end', async () => {
    const short = await rejection(
      collect(
        paginatePages('items', { pageSize: 10, firstPage: 1 }, async (page) => ({ records: page === 1 ? Array(10).fill(0) : [1, 2], total: 35 })),
      ),
    );
    expect(short).to.be.instanceOf(TransientError);
    expect((short as TransientError).retryable).to.equal(true);
    expect(short.message).to.equal(
      'items: the provider served 2 of 10 records on a page although its total (35) says 23 more remain; not taken as the end of the data',
    );
    const empty = await rejection(collect(paginatePages('items', { pageSize: 10, firstPage: 1 }, async () => ({ records: [], total: 5 }))));
    expect(empty).to.be.instanceOf(TransientError);
    const complete = await collect(
      paginatePages('items', { pageSize: 10, firstPage: 1 }, async (page) => ({ records: page === 1 ? Array(10).fill(0) : [1, 2], total: 12 })),
    );
    expect(complete.at(-1)?.last).to.equal(true);
  });

  it('paginateOffset: a resumed offset past the end is lost; right after a full page it is the end', async () => {
    const list = Array.from({ length: 20 }, (_, i) => i);
    const fetch = async (offset: number, limit: number) => list.slice(offset, offset + limit);
    expect(await rejection(collect(paginateOffset('items', { limit: 10, start: 30 }, fetch)))).to.be.instanceOf(ScanPositionLostError);
    expect(await collect(paginateOffset('items', { limit: 10, start: 20 }, fetch))).to.deep.equal([{ records: [], position: 20, last: true }]);
  });

  it('paginateLinks: a resumed next link that answers an empty, final page is lost; a fresh empty list is not', async () => {
    const empty = async () => ({ records: [], next: null });
    const error = await rejection(collect(paginateLinks('items', '/items?offset=900', empty, { resumed: true })));
    expect(error).to.be.instanceOf(ScanPositionLostError);
    expect(await collect(paginateLinks('items', '/items', empty))).to.deep.equal([{ records: [], position: null, last: true }]);
  });

  it('paginateKeyset: an empty page that announces more is a retryable error, not the end', async () => {
    const error = await rejection(collect(paginateKeyset('items', { limit: 10, cursor: () => 1 }, async () => ({ records: [], more: true }))));
    expect(error).to.be.instanceOf(TransientError);
    expect(error.message).to.include('said more records follow but served an empty page');
  });
});
