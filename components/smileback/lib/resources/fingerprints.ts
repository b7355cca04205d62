import { createHash } from 'node:crypto';
import type { RuntimeSelf } from '@oih-suite/kit';

/** Characters of base64url per record: 48 bits, a collision is negligible for lists of this size. */
const WIDTH = 8;

/**
 * Change detection for lists without any time (agents, boards, companies, contacts, campaigns,
 * surveys): the snapshot keeps one short hash per record content, packed into one string
 * (8 bytes a record), and a poll emits the records whose content hash it has not seen, i.e. new
 * and changed records. The kit's engine keeps only time cursors, so this rides alongside it: the
 * hashes are added to each snapshot the engine emits.
 */
export class FingerprintTracker {
  private readonly previous: Set<string>;
  private readonly listed = new Set<string>();
  private complete = false;

  constructor(snapshot: unknown) {
    const packed = snapshot && typeof snapshot === 'object' ? (snapshot as { fingerprints?: unknown }).fingerprints : undefined;
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

  /** The engine's snapshot plus the hashes: during a scan, old ones too (the scan may resume). */
  stamp(snapshot: unknown): unknown {
    if (!snapshot || typeof snapshot !== 'object') return snapshot;
    const inScan = 'scan' in snapshot && (snapshot as { scan?: unknown }).scan !== undefined;
    const keep = inScan || !this.complete ? new Set([...this.previous, ...this.listed]) : this.listed;
    return { ...snapshot, fingerprints: [...keep].sort().join('') };
  }
}

export function fingerprint(record: unknown): string {
  return createHash('sha256').update(JSON.stringify(record)).digest('base64url').slice(0, WIDTH);
}

function unpack(packed: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + WIDTH <= packed.length; i += WIDTH) out.push(packed.slice(i, i + WIDTH));
  return out;
}

const trackers = new WeakMap<RuntimeSelf, FingerprintTracker>();

/**
 * Runs `process` with a tracker for this run: the runtime's `this` is wrapped so every snapshot
 * the engine emits carries the hashes, and the source finds the tracker through `ctx.self`.
 */
export async function withFingerprints(self: RuntimeSelf, snapshot: unknown, run: (wrapped: RuntimeSelf) => Promise<void>): Promise<void> {
  const tracker = new FingerprintTracker(snapshot);
  const wrapped: RuntimeSelf = {
    logger: self.logger,
    emit: (event, payload) => self.emit(event, event === 'snapshot' ? tracker.stamp(payload) : payload),
  };
  trackers.set(wrapped, tracker);
  await run(wrapped);
}

export function trackerOf(self: RuntimeSelf): FingerprintTracker | undefined {
  return trackers.get(self);
}
