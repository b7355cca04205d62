import { createHash } from 'node:crypto';
import type { Page } from '../paging/paginate';
import type { PollWindow } from '../polling/engine';

/** Characters of base64url per record: 48 bits, a collision is negligible for lists of this size. */
const WIDTH = 8;

/**
 * Change detection for lists without any time (agents, boards, groups exports...): the snapshot
 * keeps one short hash per record content, packed into one string (8 bytes a record), and a poll
 * emits the records whose content hash it has not seen, i.e. new and changed records. The engine
 * keeps the hashes in each snapshot it emits (`PollingSource.keep`).
 */
export class FingerprintTracker {
  private readonly previous: Set<string>;
  private readonly listed = new Set<string>();
  private complete = false;

  /** @param stored what the last snapshot kept (`PollWindow.stored`). */
  constructor(stored: Record<string, unknown>) {
    const packed = stored.fingerprints;
    this.previous = new Set(typeof packed === 'string' ? unpack(packed) : []);
  }

  /** A scan that starts at the first page lists everything: its hashes alone describe the list. */
  startScan(resumed: boolean): void {
    this.complete = !resumed;
  }

  /** The records of a page that are new or changed since the last poll. */
  unseen<T>(records: T[]): T[] {
    return records.filter((record) => {
      const hash = fingerprint(record);
      this.listed.add(hash);
      return !this.previous.has(hash);
    });
  }

  /** The hashes to keep: during a scan old ones too (the scan may resume), after a complete scan only the listed ones. */
  keep({ scanning }: { scanning: boolean }): { fingerprints: string } {
    const keep = scanning || !this.complete ? new Set([...this.previous, ...this.listed]) : this.listed;
    return { fingerprints: [...keep].sort().join('') };
  }
}

export function fingerprint(record: unknown): string {
  return createHash('sha256').update(JSON.stringify(record)).digest('base64url').slice(0, WIDTH);
}

/** The pages of a full scan, keeping only records new or changed since the last poll. */
export async function* unseenPages<Raw>(pages: AsyncIterable<Page<Raw>>, tracker: FingerprintTracker, window: PollWindow): AsyncGenerator<Page<Raw>> {
  tracker.startScan(window.resumeFrom !== undefined && window.resumeFrom !== null && window.resumeFrom !== '');
  for await (const page of pages) yield { ...page, records: tracker.unseen(page.records) };
}

function unpack(packed: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + WIDTH <= packed.length; i += WIDTH) out.push(packed.slice(i, i + WIDTH));
  return out;
}
