import { ScanPositionLostError } from '../errors';
import type { Page } from '../paging/paginate';
import type { Log } from '../util/logger';
import type { PollingSource, PollWindow } from './engine';

/**
 * The pages of a run. When a resumed scan's position turns out to lie beyond the end of the data,
 * the scan starts over from the beginning of the same window (same bounds): the records of the
 * interrupted scan may be emitted a second time, but none is skipped. Happens at most once a run.
 */
export async function* restartablePages<Raw>(
  source: PollingSource<Raw>,
  window: PollWindow,
  log: Log,
  onRestart: () => void,
): AsyncGenerator<Page<Raw>> {
  try {
    yield* source.pages(window);
  } catch (error) {
    if (!(error instanceof ScanPositionLostError) || window.resumeFrom === undefined) throw error;
    log.warn('The stored scan position lies beyond the end of the data; restarting the scan of this window from its beginning', {
      position: window.resumeFrom,
      reason: error.message,
    });
    onRestart();
    yield* source.pages({ ...window, resumeFrom: undefined });
  }
}
