import type { QueryValue } from '@oih-suite/kit';
import type { SmilebackConfig } from '../auth';

/**
 * How SmileBack lets us find changes on a list:
 * - 'since': the API filters by a time parameter and (we rely on it) returns oldest first;
 * - 'scan': no filter, but records carry a time: every run lists everything and the engine keeps
 *   those in its window;
 * - 'reference': no filter and no time at all (the kit's FingerprintTracker).
 */
export type ChangeDetection = 'since' | 'scan' | 'reference';

export interface ResourceDefinition<Raw> {
  /** The `resource` value of the syncResource action (the names of seed 000's node). */
  key: string;
  title: string;
  path: string;
  triggerId: string;
  detection: ChangeDetection;
  /** The query parameter of 'since' resources. */
  sinceParam?: 'modified_since' | 'created_since';
  /** The provider's id of the record (the message's `recordUid`); the kit refuses a missing or broken one. */
  id(raw: Raw): unknown;
  /** Where `id` reads it, for errors (default "id"). */
  idField?: string;
  /** The record's change time in epoch ms ('since' and 'scan'). */
  cursor?(raw: Raw): number | undefined;
  isDeleted?(raw: Raw): boolean;
  /** Built-in JSONata mapping to the emitted data. */
  mapping: string;
  /** The data model the mapping produces (the out-schema in component.json). */
  schema: string;
  /** Extra list filters read from the step's fields. */
  filters?(cfg: SmilebackConfig): Record<string, QueryValue>;
}

/** Keeps each definition's record type while letting the table hold all nine. */
export function defineResource<Raw>(definition: ResourceDefinition<Raw>): ResourceDefinition<Raw> {
  return definition;
}
