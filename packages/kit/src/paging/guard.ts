import { ConnectorError } from '../errors';

/**
 * Stops a paging loop that would otherwise run forever because the provider served the same
 * page (or the same next link) twice.
 */
export class RepeatedPageGuard {
  private readonly seenKeys = new Set<string>();
  private lastFingerprint?: string;

  constructor(private readonly what: string) {}

  /** Call with the link about to be followed. */
  link(url: string): void {
    if (this.seenKeys.has(url))
      throw new ConnectorError(`${this.what}: the provider returned the link ${url} twice; stopping to avoid an endless loop`);
    this.seenKeys.add(url);
  }

  /**
   * Call with each non-empty page: the same page twice in a row means the provider ignored our
   * paging. A page is told by its length and its first and last records: printing and hashing
   * whole pages of 5000 records cost a tenth of a sync's CPU time, and a page that moved on
   * cannot begin and end with the very records the previous one began and ended with.
   */
  page(items: unknown[]): void {
    if (items.length === 0) return;
    const fingerprint = `${items.length}\n${JSON.stringify(items[0])}\n${JSON.stringify(items[items.length - 1])}`;
    if (fingerprint === this.lastFingerprint) {
      throw new ConnectorError(`${this.what}: the provider returned the same page twice in a row; stopping to avoid an endless loop`);
    }
    this.lastFingerprint = fingerprint;
  }
}
