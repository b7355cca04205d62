import { PollingTriggerSpec, ProcessFunction, RuntimeSelf, definePollingTrigger } from '@oih-suite/kit';
import type { SmilebackConfig } from '../auth';
import { APPLICATION_UID, MAX_PAGE_SIZE, createClient } from '../client';
import { shutdown } from '../shutdown';
import type { ResourceDefinition } from './definition';
import { trackerOf, withFingerprints } from './fingerprints';
import { resourceSource } from './source';

export interface ResourceTrigger<Raw> {
  process: ProcessFunction;
  spec: PollingTriggerSpec<SmilebackConfig, Raw>;
  /** elastic.io calls it when the flow stops: revokes the token. */
  shutdown: typeof shutdown;
}

/** The polling trigger of one resource; the kit's engine does the paging, cursor and snapshots. */
export function resourceTrigger<Raw>(resource: ResourceDefinition<Raw>): ResourceTrigger<Raw> {
  const spec: PollingTriggerSpec<SmilebackConfig, Raw> = {
    name: resource.triggerId,
    applicationUid: APPLICATION_UID,
    pageSize: { fallback: MAX_PAGE_SIZE, max: MAX_PAGE_SIZE },
    cursor: (raw) => resource.cursor?.(raw),
    id: (raw) => resource.id(raw),
    isDeleted: resource.isDeleted ? (raw) => resource.isDeleted!(raw) : undefined,
    mapping: resource.mapping,
    source: (ctx) => resourceSource(createClient(ctx), resource, ctx.cfg, trackerOf(ctx.self)),
  };
  const trigger = definePollingTrigger(spec);
  if (resource.detection !== 'reference') return { ...trigger, shutdown };
  const process: ProcessFunction = async function (this: RuntimeSelf, msg, cfg, snapshot) {
    await withFingerprints(this, snapshot, (wrapped) => trigger.process.call(wrapped, msg, cfg, snapshot));
  };
  return { process, spec: trigger.spec, shutdown };
}
