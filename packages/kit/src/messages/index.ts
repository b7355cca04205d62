export * from './message';
export { Emitter, RuntimeSelf, safeError } from './emitter';
