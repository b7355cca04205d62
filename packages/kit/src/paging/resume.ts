import { ScanPositionLostError, TransientError } from '../errors';

/**
 * A listing resumed at a stored position got an empty first page. That is the true end when the
 * page before the position is full (the scan stopped right after a full last page); otherwise the
 * position lies beyond the end and skipping to it would lose records: the engine restarts the
 * scan's window (see polling/restart).
 */
export async function confirmResumedEnd(what: string, position: string, previousPageIsFull: () => Promise<boolean>): Promise<void> {
  if (await previousPageIsFull()) return;
  throw new ScanPositionLostError(`${what}: the stored scan position ${position} lies beyond the end of the list`);
}

/** The provider's own count says records remain, yet it served a short page: an unexpected answer, never the end. */
export function checkAgainstTotal(what: string, got: number, pageSize: number, seen: number, total: number | undefined): void {
  if (total === undefined || got >= pageSize || seen >= total) return;
  throw new TransientError(
    `${what}: the provider served ${got} of ${pageSize} records on a page although its total (${total}) says ${total - seen} more remain; not taken as the end of the data`,
  );
}
