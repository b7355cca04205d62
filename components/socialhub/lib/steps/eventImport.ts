import { ConfigurationError, Config, Values, checkEveryItem, hashKey, readOperationFields, strictTime } from '@oih-suite/kit';
import { OPERATIONS } from '../operations/table';
import type { FieldSpec } from '../operations/types';
import type { SocialHubClient } from '../client';

/** One customer event as SocialHub takes it (our documented event model: schemas/consumerEvent.json). */
export const EVENT_FIELDS: FieldSpec[] = [
  { name: 'eventKey', title: 'Event key', type: 'string', required: true },
  { name: 'eventType', title: 'Event type', type: 'string', default: 'track' },
  { name: 'eventTime', title: 'Event time', type: 'integer', required: true, description: 'Epoch milliseconds (ISO 8601 is converted)' },
  { name: 'customerCode', title: 'Customer code', type: 'string', required: true },
  { name: 'eventId', title: 'Event id', type: 'string', required: true, description: 'Unique per event; derived from the content when empty' },
  { name: 'tenantId', title: 'Tenant id', type: 'string', required: true, config: true },
  { name: 'properties', title: 'Properties', type: 'object', required: true },
];

export interface ImportReport {
  received: number;
  sent: number;
  batches: number;
  eventIds: string[];
}

/** One event, several (`events` or `data` array) or the message itself. */
export function eventsOf(data: Values): unknown[] {
  if (Array.isArray(data.events)) return data.events;
  if (Array.isArray(data.data)) return data.data;
  return [data];
}

/**
 * Checks one event. A missing eventId is derived from the event's content, so the same event
 * delivered twice carries the same id and SocialHub stores it once.
 */
export function prepareEvent(raw: unknown, index: number, stepDefaults: Config): Values {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigurationError(`events[${index}]`, 'must be an object');
  const event = { ...(raw as Values) };
  // Epoch milliseconds are read as a whole number below; ISO 8601 text is converted here.
  if (typeof event.eventTime === 'string' && !/^\d+$/.test(event.eventTime.trim()))
    event.eventTime = strictTime(event.eventTime, `events[${index}].eventTime`);
  if (event.eventId === undefined || event.eventId === null || event.eventId === '') {
    const tenantId = event.tenantId ?? stepDefaults.tenantId;
    event.eventId = `oih-${hashKey(tenantId, event.customerCode, event.eventKey, event.eventType ?? 'track', event.eventTime, event.properties)}`;
  }
  return readOperationFields(EVENT_FIELDS, event, stepDefaults, `events[${index}].`);
}

/**
 * Checks every event first (the kit's batch policy: one invalid event sends nothing, and the
 * error names each invalid one by its index), then sends them in batches.
 */
export async function importEvents(client: SocialHubClient, data: Values, batchSize: number, stepDefaults: Config): Promise<ImportReport> {
  const raw = eventsOf(data);
  if (raw.length === 0) throw new ConfigurationError('events', 'no event to import (an empty list)');
  const valid = checkEveryItem('events', raw, (event, _prefix, index) => prepareEvent(event, index, stepDefaults));
  const op = OPERATIONS.importConsumerEventData;
  let batches = 0;
  for (let start = 0; start < valid.length; start += batchSize) {
    const batch = valid.slice(start, start + batchSize);
    // Safe to resend after a 5xx or a dropped connection: SocialHub keeps one event per eventId.
    await client.send({ method: op.method, url: op.path, json: { data: batch }, idempotent: true, recordId: String(batch[0].eventId) });
    batches += 1;
  }
  return { received: raw.length, sent: valid.length, batches, eventIds: valid.map((e) => String(e.eventId)) };
}
