export * from './engine';
export { PollingSnapshot, CursorState, readSnapshot, readTimeField, SEEN_ID_LIMIT } from './snapshot';
export { checkedRecordId, firstPresent, RecordPlace, usableId } from './recordId';
export { SNAPSHOT_FUTURE_TOLERANCE_MS } from './snapshotCheck';
