/**
 * Reading one page ahead: the request for the next page is under way while the caller still works
 * on this one (maps and emits it), so the provider prepares the next page in the meantime instead
 * of after. Never more than one request in flight. A request whose answer is never asked for
 * (the caller stopped early) finishes on its own and its failure is dropped: nothing of it was used.
 */

/**
 * `fetch` of each key in order, each next request started as soon as the previous answer is there,
 * the first one at the call (a caller may open the reader while it still emits the page before).
 * `ahead` false: each request when its answer is asked for (a run that stops after one page).
 */
export function fetchAhead<K, T>(keys: readonly K[], fetch: (key: K) => Promise<T>, ahead = true): AsyncGenerator<T> {
  let next = ahead && keys.length ? inFlight(fetch(keys[0])) : undefined;
  return (async function* answers() {
    for (let i = 0; i < keys.length; i += 1) {
      const value = await (next ?? fetch(keys[i]));
      next = ahead && i + 1 < keys.length ? inFlight(fetch(keys[i + 1])) : undefined;
      yield value;
    }
  })();
}

/** A request started ahead: its failure reaches whoever awaits it, and is no unhandled rejection if nobody does. */
export function inFlight<T>(request: Promise<T>): Promise<T> {
  request.catch(() => undefined);
  return request;
}
