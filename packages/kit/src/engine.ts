// `@oih-suite/kit/engine`: the kit's machinery and the seams of the runtime around it, for the
// local runner, benchmarks and tests. A component's lib code never needs these: the public
// surface (`@oih-suite/kit`) declares steps, and the kit runs them with what is here.

export { runPolling, PollingRun, PollingResult, PollingSettings } from './polling/engine';
export { PollingSnapshot, CursorState, readSnapshot, readTimeField, SEEN_ID_LIMIT } from './polling/snapshot';
export { SNAPSHOT_FUTURE_TOLERANCE_MS } from './polling/snapshotCheck';
export { createContext, finishWithError } from './component/context';
export { pollOnce } from './component/trigger';
export { runAction } from './component/action';
export { readPollingSettings, readRetryOverrides, readRateLimitShare, DEFAULT_SAFETY_LAG_SECONDS } from './component/settings';
export { Emitter, safeError } from './messages/emitter';
export { MessageFormat, ElasticioMessage, detectFormat, toRuntimeMessage, readInput, isTombstone } from './messages/message';
export { compileUncached, clearExpressionCache } from './transform/compile';
export { DEFAULT_RETRY } from './http/types';
export { clearTokenCache } from './http/auth';
export { defaultErrorInfo } from './http/client';
export { Throttle, RequestGate, sharedThrottle, resetSharedThrottles } from './http/throttle';
export { AdaptiveRate, ADAPTIVE_RATE_DEFAULTS, sharedAdaptiveRate } from './http/adaptiveRate';
export { retryAfterMs, parseHttpDate, backoffMs } from './http/retryTiming';
export { observeProviderDate, slowestProviderOffsetMs, resetProviderClocks } from './http/providerClock';
export { shareWindows } from './http/budgetShare';
export { RepeatedPageGuard } from './paging/guard';
export { isSecretKey, secretForms } from './util/redact';
// Errors leave the kit with every secret form masked (the context and the HTTP client call this).
export { redactError } from './errors/redactError';
export { Metrics, metrics, waiting } from './util/metrics';
export type { WaitInProgress } from './util/metrics';
export { timing, Clock, realClock, withTiming } from './util/timing';

// The declare layer's machinery: the descriptor generator and its conventions, the one
// verifyCredentials/shutdown policy, step contexts, fingerprints, export-job internals.
export {
  StandardField,
  StepShape,
  STANDARD_FIELDS,
  StandardCredentialField,
  ProviderShape,
  STANDARD_CREDENTIAL_FIELDS,
} from './declare/standardFields';
export { BUILD_TYPE, generateDescriptors } from './declare/generate';
export { verifyCredentialsOf, shutdownOf } from './declare/verify';
export { applicationUidOf, openStep, clientContext, standaloneContext } from './declare/step';
export { recordMessage, emitAll } from './declare/records';
export { EXPORT_WAIT_BUDGET_MS, awaitExportJob, exportCheckDelayMs, readExportPosition } from './declare/exportJob';
export { FingerprintTracker, fingerprint, unseenPages } from './declare/fingerprints';
export { operationInSchema, operationObjectSchema, operationOutSchema } from './declare/operations/schemas';
