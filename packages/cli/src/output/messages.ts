import { truncate } from './table';

/**
 * Streams emitted messages as table rows (`#  kind  recordUid  data`), one per message, so a long
 * run shows results as they come rather than all at the end.
 */
export class MessageRows {
  private count = 0;

  constructor(
    private readonly write: (line: string) => void,
    private readonly width = process.stdout.columns || 140,
  ) {}

  add(message: unknown): void {
    if (this.count === 0) this.write(`${'#'.padStart(6)}  ${'kind'.padEnd(9)}  ${'recordUid'.padEnd(24)}  data`);
    this.count += 1;
    const { metadata, data } = split(message);
    const kind = isTombstoneData(data) ? 'tombstone' : 'data';
    const uid = truncate(String(metadata.recordUid ?? ''), 24).padEnd(24);
    const prefix = `${String(this.count).padStart(6)}  ${kind.padEnd(9)}  ${uid}  `;
    this.write(prefix + truncate(summarize(data), Math.max(20, this.width - prefix.length)));
  }
}

/** Either runtime's shape: OIH `{metadata, data}` or elastic.io `{body, metadata}`. */
export function split(message: unknown): { metadata: Record<string, unknown>; data: unknown } {
  const m = (message && typeof message === 'object' ? message : {}) as Record<string, unknown>;
  const metadata = (m.metadata && typeof m.metadata === 'object' ? m.metadata : {}) as Record<string, unknown>;
  return { metadata, data: 'data' in m ? m.data : m.body };
}

export function isTombstoneData(data: unknown): boolean {
  return (
    !!data && typeof data === 'object' && Object.keys(data).length === 1 && typeof (data as Record<string, unknown>).deleteRequested === 'string'
  );
}

/** `key=value` for the top-level fields, nested objects shortened, so a row reads at a glance. */
function summarize(data: unknown): string {
  if (!data || typeof data !== 'object') return JSON.stringify(data) ?? '';
  return Object.entries(data as Record<string, unknown>)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([key, value]) => `${key}=${typeof value === 'object' ? truncate(JSON.stringify(value), 40) : String(value)}`)
    .join(' ');
}
