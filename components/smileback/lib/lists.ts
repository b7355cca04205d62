import { DescribedStream, FieldSet, QueryValue, Settings, describeStream } from '@oih-suite/kit';
import { MAX_PAGE_SIZE } from './client';
import { smileback } from './provider';

/** One SmileBack list as a polling trigger: where it lives and how its changes are found. */
export interface ListDescription<F extends FieldSet, Raw> {
  id: string;
  title: string;
  description: string;
  out: string;
  path: string;
  /**
   * 'since': the API filters by `sinceParam` and (we rely on it) returns oldest first; 'scan': no
   * filter, but records carry a time; 'fingerprint': no filter and no time at all.
   */
  changes: 'since' | 'scan' | 'fingerprint';
  sinceParam?: 'modified_since' | 'created_since';
  fields: F;
  /** What the first run's start time means for this list. */
  startTime?: { label: string; note: string };
  /** List filters from the trigger's fields (read once per run). */
  filters?: (settings: Settings<F>) => Record<string, QueryValue>;
  /** The record's id as it is (the kit refuses a missing or broken one), and where it is read. */
  recordId: (raw: Raw) => unknown;
  idField?: string;
  cursor?: (raw: Raw) => number | undefined;
  isDeleted?: (raw: Raw) => boolean;
  mapping: string;
}

/** The stream of one list: keyset by time for 'since' lists, DRF `next` links (resumable) for the others. */
export function listStream<F extends FieldSet, Raw>(list: ListDescription<F, Raw>): DescribedStream {
  return describeStream(smileback, {
    id: list.id,
    title: list.title,
    description: list.description,
    out: list.out,
    changes: list.changes,
    pageSize: { fallback: MAX_PAGE_SIZE, max: MAX_PAGE_SIZE },
    mapping: list.mapping,
    fields: list.fields,
    standardWording: list.startTime ? { startTime: list.startTime } : undefined,
    read: ({ client, settings }) => {
      const filters = list.filters?.(settings) ?? {};
      const cursor = list.cursor ?? (() => undefined);
      return {
        pages: (window) =>
          list.changes === 'since'
            ? client.changedSince<Raw>(list.path, filters, {
                sinceParam: list.sinceParam ?? 'modified_since',
                // The initial sync asks for everything, as the API documentation's sync strategy says.
                since: window.since > 0 ? window.since : undefined,
                limit: window.pageSize,
                cursor,
              })
            : client.pages<Raw>(list.path, { ...filters, limit: window.pageSize }, window.resumeFrom),
        id: list.recordId,
        idField: list.idField,
        cursor,
        isDeleted: list.isDeleted,
      };
    },
  });
}

/** A reference list (no change filter, no time): the kit finds new and changed records by their content. */
export function referenceList(o: { id: string; key: string; what: string; lead?: string; mapping: string; out: string }): DescribedStream {
  return listStream({
    id: o.id,
    title: `Get ${o.what} (polling)`,
    description: `${o.lead ?? o.what}: the first run emits all, later runs only the records that are new or changed since the last run (SmileBack offers no change filter; the snapshot keeps an 8-byte hash per record)`,
    out: `./lib/schemas/${o.out}`,
    path: `/v3/${o.key}/`,
    changes: 'fingerprint',
    fields: {},
    recordId: (record: { id: unknown }) => record.id,
    mapping: o.mapping,
  });
}
