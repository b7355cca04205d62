import { createHash } from 'node:crypto';
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

  /** Call with each non-empty page: the same content twice in a row means the provider ignored our paging. */
  page(items: unknown[]): void {
    if (items.length === 0) return;
    const fingerprint = createHash('sha1').update(JSON.stringify(items)).digest('hex');
    if (fingerprint === this.lastFingerprint) {
      throw new ConnectorError(`${this.what}: the provider returned the same page twice in a row; stopping to avoid an endless loop`);
    }
    this.lastFingerprint = fingerprint;
  }
}
