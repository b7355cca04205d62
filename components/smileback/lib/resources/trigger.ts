import { PollingTriggerSpec, ProcessFunction, definePollingTrigger } from '@oih-suite/kit';
import type { SmilebackConfig } from '../auth';
import { APPLICATION_UID, MAX_PAGE_SIZE, createClient } from '../client';
import { shutdown } from '../shutdown';
import type { ResourceDefinition } from './definition';
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
    idField: resource.idField,
    isDeleted: resource.isDeleted ? (raw) => resource.isDeleted!(raw) : undefined,
    mapping: resource.mapping,
    source: (ctx) => resourceSource(createClient(ctx), resource, ctx.cfg),
  };
  return { ...definePollingTrigger(spec), shutdown };
}
