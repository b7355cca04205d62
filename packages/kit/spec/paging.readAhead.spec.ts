import { expect } from 'chai';
import { paginatePages } from '../src/paging/paginate';
import { fetchAhead } from '../src/paging/readAhead';
import { rejection } from './helpers/promises';

async function all<T>(values: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const value of values) out.push(value);
  return out;
}

/** A fetch that logs when each request starts and ends, answering after a few ticks. */
function loggedFetch<T>(log: string[], answer: (key: number) => T) {
  let inFlight = 0;
  return async (key: number): Promise<T> => {
    inFlight += 1;
    log.push(`start ${key}${inFlight > 1 ? ' (two in flight)' : ''}`);
    await new Promise((resolve) => setImmediate(resolve));
    inFlight -= 1;
    log.push(`end ${key}`);
    return answer(key);
  };
}

describe('paging: reading one page ahead', () => {
  it('fetchAhead gives every answer in order and requests the next while the caller works on this one, one request at a time', async () => {
    const log: string[] = [];
    for await (const value of fetchAhead(
      [3, 1, 2],
      loggedFetch(log, (key) => key * 10),
    )) {
      log.push(`use ${value}`);
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(log).to.deep.equal(['start 3', 'end 3', 'start 1', 'use 30', 'end 1', 'start 2', 'use 10', 'end 2', 'use 20']);
  });

  it('fetchAhead requests the first answer at the call; with ahead false each request only when its answer is asked for', async () => {
    const log: string[] = [];
    const reader = fetchAhead(
      [1, 2],
      loggedFetch(log, (key) => key),
    );
    expect(log, 'before anything is asked').to.deep.equal(['start 1']);
    expect(await all(reader)).to.deep.equal([1, 2]);
    const lazy: string[] = [];
    for await (const value of fetchAhead(
      [1, 2],
      loggedFetch(lazy, (key) => key),
      false,
    ))
      lazy.push(`use ${value}`);
    expect(lazy).to.deep.equal(['start 1', 'end 1', 'use 1', 'start 2', 'end 2', 'use 2']);
  });

  it('fetchAhead: a failure reaches the caller when it asks for that answer; one never asked for is dropped, not unhandled', async () => {
    const failing = (bad: number) => async (key: number) => {
      if (key === bad) throw new Error(`page ${key} failed`);
      return key;
    };
    const error = await rejection(all(fetchAhead([1, 2, 3], failing(2))));
    expect(error.message).to.equal('page 2 failed');
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', listener);
    try {
      for await (const value of fetchAhead([1, 2], failing(2))) if (value === 1) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    } finally {
      process.off('unhandledRejection', listener);
    }
    expect(unhandled).to.deep.equal([]);
    expect(await all(fetchAhead([], failing(1)))).to.deep.equal([]);
  });

  it('paginatePages with readAhead: the same pages, the next requested before it is asked for, none after the last page', async () => {
    const data = [1, 2, 3, 4, 5];
    const log: string[] = [];
    const fetch = loggedFetch(log, (page) => ({ records: data.slice(page * 2, page * 2 + 2) }));
    const pages = [];
    for await (const page of paginatePages('items', { pageSize: 2, firstPage: 0, readAhead: true }, (page) => fetch(page))) {
      log.push(`use ${JSON.stringify(page.records)}`);
      pages.push(page);
    }
    expect(pages.map((p) => [p.records, p.position, p.last])).to.deep.equal([
      [[1, 2], 1, false],
      [[3, 4], 2, false],
      [[5], 3, true],
    ]);
    expect(log).to.deep.equal(['start 0', 'end 0', 'start 1', 'use [1,2]', 'end 1', 'start 2', 'use [3,4]', 'end 2', 'use [5]']);
  });
});
