import { ConnectorError, Transformer, checkedRecordId, defineAction, oihMessage, strictText, strictTime, toIso, tombstone } from '@oih-suite/kit';
import type { SmilebackConfig } from '../auth';
import { APPLICATION_UID, MAX_PAGE_SIZE, createClient } from '../client';
import { findResource } from '../resources/table';
import { shutdown } from '../shutdown';
import { fieldsOf } from './inputs';

/**
 * Seed 000's "Sync" operation, on demand: every record of one resource (all pages), one message
 * each, mapped like the resource's trigger. `lastModifiedSince` narrows reviews (modified_since)
 * and NPS responses (created_since) on the server and project responses by their date here; the
 * reference lists have no change time, so they are always read whole.
 */
const action = defineAction<SmilebackConfig>({
  name: 'syncResource',
  run: async ({ cfg, log, redactor, emitter, input }) => {
    const fields = fieldsOf(cfg, input.data);
    const name = strictText(fields.resource, 'resource', { trim: true }) ?? 'review';
    const resource = findResource(name);
    if (!resource) {
      throw new ConnectorError(`Resource not supported: ${name}`, { field: 'resource' });
    }
    const since = strictTime(fields.lastModifiedSince, 'lastModifiedSince');
    const sinceText = since === undefined ? undefined : strictText(fields.lastModifiedSince, 'lastModifiedSince', { trim: true });
    const transformer = new Transformer(resource.mapping, cfg);
    const filters = resource.filters?.(fields) ?? {};
    const client = createClient({ cfg, log, redactor, emitter });
    // Lists with a time filter are read by keyset, like their triggers: records edited during a long read shift no offsets.
    const pages = resource.sinceParam
      ? client.changedSince<unknown>(resource.path, filters, {
          sinceParam: resource.sinceParam,
          since,
          limit: MAX_PAGE_SIZE,
          cursor: (raw) => resource.cursor?.(raw),
        })
      : client.pages<unknown>(resource.path, { ...filters, limit: MAX_PAGE_SIZE });
    let emitted = 0;
    let pageNumber = 0;
    for await (const page of pages) {
      pageNumber += 1;
      for (const [index, raw] of page.records.entries()) {
        const t = resource.cursor?.(raw);
        // Only project responses lack a server-side filter but carry a time.
        if (since !== undefined && !resource.sinceParam && t !== undefined && t < since) continue;
        const recordUid = checkedRecordId(resource.id(raw), { page: pageNumber, index, idField: resource.idField ?? 'id' });
        if (resource.isDeleted?.(raw)) await emitter.data(tombstone(recordUid, APPLICATION_UID, toIso(t ?? Date.now())));
        else await emitter.data(await transformer.apply(oihMessage(raw, { recordUid, applicationUid: APPLICATION_UID })));
        emitted += 1;
      }
    }
    if (emitted === 0) {
      await emitter.data(
        oihMessage(
          { message: 'No records found', resource: resource.key, lastModifiedSince: sinceText ?? null },
          { applicationUid: APPLICATION_UID },
        ),
      );
    }
    log.info('Sync done', { resource: resource.key, emitted });
  },
});

export = { ...action, shutdown };
