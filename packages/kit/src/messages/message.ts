import { randomUUID } from 'node:crypto';

/** The OIH ids a message carries next to its data. */
export interface OihMetadata {
  /** The provider's id of the record. */
  recordUid?: string;
  /** Which application the record comes from. */
  applicationUid?: string;
  /** The OIH id, when the flow knows it. */
  oihUid?: string;
  [key: string]: unknown;
}

export interface OihMessage<T = unknown> {
  metadata: OihMetadata;
  data: T;
}

export interface TombstoneData {
  deleteRequested: string;
}

/** A fresh metadata object per message: runtimes emit asynchronously, so shared objects get overwritten. */
export function oihMessage<T>(data: T, metadata: OihMetadata): OihMessage<T> {
  return { metadata: { ...metadata }, data };
}

/** How a deletion travels in OIH: the ids and the time the deletion was seen. */
export function tombstone(recordUid: string, applicationUid: string, deletedAt: string): OihMessage<TombstoneData> {
  return { metadata: { recordUid, applicationUid }, data: { deleteRequested: deletedAt } };
}

export function isTombstone(message: OihMessage): message is OihMessage<TombstoneData> {
  const data = message.data as Record<string, unknown> | null;
  // The field first: every emitted record passes here, and listing its keys cost more than the emit.
  return !!data && typeof data === 'object' && typeof data.deleteRequested === 'string' && Object.keys(data).length === 1;
}

/** elastic.io (sailor) messages carry the record in `body`; OIH (ferryman) messages in `data`. */
export type MessageFormat = 'elasticio' | 'oih';

/**
 * Which runtime are we in? ferryman requires ELASTICIO_BACKCHANNEL_EXCHANGE, sailor
 * ELASTICIO_PUBLISH_MESSAGES_TO; `OIH_MESSAGE_FORMAT` overrides both (local runner).
 */
export function detectFormat(env: NodeJS.ProcessEnv = process.env): MessageFormat {
  const forced = env.OIH_MESSAGE_FORMAT;
  if (forced === 'oih' || forced === 'elasticio') return forced;
  if (env.ELASTICIO_BACKCHANNEL_EXCHANGE) return 'oih';
  if (env.ELASTICIO_PUBLISH_MESSAGES_TO) return 'elasticio';
  return 'oih';
}

export interface ElasticioMessage {
  id: string;
  body: unknown;
  metadata: OihMetadata;
  headers: Record<string, unknown>;
  attachments: Record<string, unknown>;
}

export function toRuntimeMessage(message: OihMessage, format: MessageFormat): ElasticioMessage | OihMessage {
  if (format === 'elasticio') {
    return { id: randomUUID(), body: message.data, metadata: { ...message.metadata }, headers: {}, attachments: {} };
  }
  return { metadata: { ...message.metadata }, data: message.data };
}

/** Reads an incoming message of either runtime as `{metadata, data}`. */
export function readInput(incoming: unknown): OihMessage<Record<string, unknown>> {
  const msg = (incoming && typeof incoming === 'object' ? incoming : {}) as Record<string, unknown>;
  const metadata = isObject(msg.metadata) ? { ...(msg.metadata as OihMetadata) } : {};
  if (isObject(msg.data)) return { metadata, data: msg.data as Record<string, unknown> };
  if (isObject(msg.body)) {
    const body = msg.body as Record<string, unknown>;
    // A previous step may have put a whole OIH message into the body.
    if (isObject(body.data) && isObject(body.metadata))
      return { metadata: { ...(body.metadata as OihMetadata), ...metadata }, data: body.data as Record<string, unknown> };
    return { metadata, data: body };
  }
  return { metadata, data: {} };
}

function isObject(value: unknown): boolean {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}
