/**
 * Reading one page ahead: the request for the next page is under way while the caller still works
 * on this one (maps and emits it), so the provider prepares the next page in the meantime instead
 * of after. Never more than one request in flight. A request whose answer is never asked for
 * (the caller stopped early) finishes on its own and its failure is dropped: nothing of it was used.
 */

/** `fetch` of each key in order, each next request started as soon as the previous answer is there. */
export async function* fetchAhead<K, T>(keys: readonly K[], fetch: (key: K) => Promise<T>): AsyncGenerator<T> {
  let next = keys.length ? fetch(keys[0]) : undefined;
  for (let i = 0; i < keys.length; i += 1) {
    const value = await next!;
    next = i + 1 < keys.length ? inFlight(fetch(keys[i + 1])) : undefined;
    yield value;
  }
}

/** A request started ahead: its failure reaches whoever awaits it, and is no unhandled rejection if nobody does. */
export function inFlight<T>(request: Promise<T>): Promise<T> {
  request.catch(() => undefined);
  return request;
}
