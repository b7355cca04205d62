export * from './engine';
export { PollingSnapshot, CursorState, readSnapshot, readTimeField, SEEN_ID_LIMIT } from './snapshot';
