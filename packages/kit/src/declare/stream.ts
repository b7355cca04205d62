import { Config, createContext, finishWithError } from '../component/context';
import { PollingTriggerSpec, ProcessFunction, pollOnce } from '../component/trigger';
import type { RuntimeSelf } from '../messages/emitter';
import type { Page } from '../paging/paginate';
import type { PollWindow, PollingSource } from '../polling/engine';
import type { FieldJson, FieldSet, Settings } from './fields';
import { FingerprintTracker, unseenPages } from './fingerprints';
import type { ProviderDescription } from './provider';
import { StepContext, openStep } from './step';
import { shutdownOf } from './verify';

/**
 * How a stream finds what changed since the last poll:
 * - 'since': the provider filters by a time (`window.since`, inclusive) and returns oldest first;
 * - 'scan': no filter, but records carry a time: every poll lists everything (resuming an
 *   interrupted scan at `window.resumeFrom`) and the engine keeps the records in its window;
 * - 'fingerprint': no time at all: the kit keeps a content hash per record in the snapshot and
 *   emits the records it has not seen (new or changed).
 */
export type ChangeDetection = 'since' | 'scan' | 'fingerprint';

/** One run's reader of a stream; its functions close over the settings read once for the run. */
export interface StreamReader<Raw> {
  pages: (window: PollWindow) => AsyncIterable<Page<Raw>>;
  /**
   * The record's id at the provider (`metadata.recordUid`): the field's value as it is (text or
   * number); the kit refuses a missing, empty or structured one, naming `idField`.
   */
  id: (raw: Raw) => unknown;
  /** The field(s) `id` reads, for errors (default "id"). */
  idField?: string;
  /** When the record last changed, epoch ms ('since' and 'scan'). */
  cursor?: (raw: Raw) => number | undefined;
  isDeleted?: (raw: Raw) => boolean;
}

/** A polling trigger, described. Its file is `lib/triggers/<id>.ts` and exports what `describeStream` returns. */
export interface StreamDescription<Client, F extends FieldSet, Raw> {
  id: string;
  title: string;
  description: string;
  /** The out-schema, relative to the component folder (`./lib/schemas/x.out.json`). */
  out: string;
  /** The trigger's own fields (the kit's standard fields are added by the generator). */
  fields: F;
  /** Wording of standard fields for this trigger, e.g. `{ startTime: { label: 'Created since', note: '…' } }`. */
  standardWording?: Record<string, Partial<Pick<FieldJson, 'label' | 'note' | 'placeholder'>>>;
  changes: ChangeDetection;
  pageSize: { fallback: number; max: number };
  /** Resolution of the provider's timestamps (1000 for whole seconds). */
  granularityMs?: number;
  /** Built-in JSONata mapping from the raw record to the emitted data. */
  mapping?: string;
  /** Values and functions the mapping may use as `$name`. */
  mappingBindings?(settings: Settings<F>): Record<string, unknown>;
  /** Opens one run: validation and lookups go here; requests wait for `pages`. */
  read(step: StepContext<Client, Settings<F>>): StreamReader<Raw> | Promise<StreamReader<Raw>>;
}

export interface DescribedStream {
  process: ProcessFunction;
  /** elastic.io calls it when the flow stops (only when the provider has a shutdown). */
  shutdown?: (this: unknown, cfg: Config) => Promise<void>;
  description: StreamDescription<unknown, FieldSet, unknown>;
}

/** The runtime entry of a described polling trigger; the engine does paging, cursor, snapshots, mapping and errors. */
export function describeStream<Creds extends FieldSet, Client, F extends FieldSet, Raw>(
  provider: ProviderDescription<Creds, Client>,
  description: StreamDescription<Client, F, Raw>,
): DescribedStream {
  async function processTrigger(this: RuntimeSelf, _msg: unknown, cfg: Config, snapshot?: unknown): Promise<void> {
    const ctx = createContext(this, cfg ?? {}, description.id);
    try {
      const step = openStep(provider, description.fields, ctx);
      let reader: StreamReader<Raw> | undefined;
      const spec: PollingTriggerSpec<Config, Raw> = {
        name: description.id,
        applicationUid: step.applicationUid,
        pageSize: description.pageSize,
        granularityMs: description.granularityMs,
        mapping: description.mapping,
        mappingBindings: description.mappingBindings ? () => description.mappingBindings!(step.settings) : undefined,
        source: async () => {
          reader = await description.read(step);
          return sourceOf(description.changes, reader, description.id);
        },
        // The engine asks only after source() opened the reader.
        cursor: (raw) => (description.changes === 'fingerprint' ? undefined : reader!.cursor?.(raw)),
        id: (raw) => reader!.id(raw),
        get idField() {
          return reader?.idField;
        },
        isDeleted: (raw) => reader!.isDeleted?.(raw) === true,
      };
      await pollOnce(spec, ctx, snapshot);
    } catch (error) {
      await finishWithError(ctx, error, 'trigger');
    }
  }
  return {
    process: processTrigger,
    ...(provider.shutdown ? { shutdown: shutdownOf(provider) } : {}),
    description: description as unknown as StreamDescription<unknown, FieldSet, unknown>,
  };
}

function sourceOf<Raw>(changes: ChangeDetection, reader: StreamReader<Raw>, id: string): PollingSource<Raw> {
  if (changes !== 'fingerprint' && !reader.cursor) throw new Error(`${id}: a '${changes}' stream needs a cursor`);
  if (changes === 'since') return { order: 'ascending', pages: (window) => reader.pages(window) };
  if (changes === 'scan') return { order: 'unordered', pages: (window) => reader.pages(window) };
  let tracker: FingerprintTracker | undefined;
  return {
    order: 'unordered',
    // No change times: the safety lag has nothing to hold back (h8's engine skips it).
    changeTimes: false,
    pages: (window) => {
      tracker = new FingerprintTracker(window.stored);
      return unseenPages(reader.pages(window), tracker, window);
    },
    keep: (moment) => tracker?.keep(moment) ?? {},
  };
}
