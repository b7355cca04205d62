import type { RuntimeSelf } from '@oih-suite/kit';

const silent = (): void => undefined;

/**
 * The runtime's `this` for benchmarks: every data message is serialised (the least a runtime does
 * with it before it leaves the process) and then dropped, so memory stays flat however many
 * records go through. It can keep the first few messages as samples.
 */
export class DiscardingSelf implements RuntimeSelf {
  data = 0;
  snapshots = 0;
  bytes = 0;
  lastSnapshot: unknown;
  readonly rebounds: Error[] = [];
  readonly errors: Error[] = [];
  readonly samples: unknown[] = [];
  readonly logger = { debug: silent, info: silent, warn: silent, error: silent, trace: silent };

  /** How often each record id was emitted, when asked for (`countIds`): duplicates show up here. */
  readonly idCounts = new Map<string, number>();

  constructor(
    private readonly keep = 0,
    private readonly countIds = false,
  ) {}

  /** Ids emitted more than once (each extra emission counts). */
  get duplicates(): number {
    let n = 0;
    for (const count of this.idCounts.values()) n += count - 1;
    return n;
  }

  async emit(event: string, payload?: unknown): Promise<void> {
    if (event === 'data') {
      this.data += 1;
      this.bytes += JSON.stringify(payload).length;
      if (this.samples.length < this.keep) this.samples.push(payload);
      if (this.countIds) {
        const id = String((payload as { metadata?: { recordUid?: unknown } }).metadata?.recordUid);
        this.idCounts.set(id, (this.idCounts.get(id) ?? 0) + 1);
      }
    } else if (event === 'snapshot') {
      this.snapshots += 1;
      this.lastSnapshot = payload;
    } else if (event === 'rebound') this.rebounds.push(payload as Error);
    else if (event === 'error') this.errors.push(payload as Error);
  }

  /** Why the run did not finish cleanly, if it did not. */
  failure(): string | undefined {
    const problem = this.errors[0] ?? this.rebounds[0];
    return problem ? `${this.errors.length ? 'error' : 'rebound'}: ${problem.message}` : undefined;
  }
}
