import { Page, PollWindow, PollingSource } from '@oih-suite/kit';
import type { SmilebackConfig } from '../auth';
import type { SmilebackClient } from '../client';
import type { ResourceDefinition } from './definition';
import { FingerprintTracker } from './fingerprints';

/** The polling source of one resource, by the way SmileBack lets us find its changes. */
export function resourceSource<Raw>(client: SmilebackClient, resource: ResourceDefinition<Raw>, cfg: SmilebackConfig): PollingSource<Raw> {
  // Filters are read before the first request, so a bad field fails without touching SmileBack.
  const filters = resource.filters?.(cfg) ?? {};
  if (resource.detection === 'since') {
    const cursor = (record: Raw) => resource.cursor?.(record);
    return {
      order: 'ascending',
      pages: (window: PollWindow) =>
        client.changedSince<Raw>(resource.path, filters, {
          sinceParam: resource.sinceParam ?? 'modified_since',
          // The initial sync asks for everything, as the API documentation's sync strategy says.
          since: window.since > 0 ? window.since : undefined,
          limit: window.pageSize,
          cursor,
        }),
    };
  }
  if (resource.detection === 'scan') {
    return { order: 'unordered', pages: (window) => client.pages<Raw>(resource.path, { ...filters, limit: window.pageSize }, window.resumeFrom) };
  }
  // 'reference': no time at all; content hashes kept in the snapshot tell new and changed records.
  let tracker: FingerprintTracker | undefined;
  return {
    order: 'unordered',
    pages: (window) => {
      tracker = new FingerprintTracker(window.stored);
      return unseenPages(client.pages<Raw>(resource.path, { ...filters, limit: window.pageSize }, window.resumeFrom), tracker, window);
    },
    keep: (moment) => tracker?.keep(moment) ?? {},
    changeTimes: false,
  };
}

async function* unseenPages<Raw>(pages: AsyncGenerator<Page<Raw>>, tracker: FingerprintTracker, window: PollWindow): AsyncGenerator<Page<Raw>> {
  tracker.startScan(typeof window.resumeFrom === 'string' && window.resumeFrom !== '');
  for await (const page of pages) yield { ...page, records: tracker.unseen(page.records) };
}
