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
export { isSecretKey } from './util/redact';
export { Metrics, metrics, waiting } from './util/metrics';
export type { WaitInProgress } from './util/metrics';
export { timing, Clock, realClock, withTiming } from './util/timing';
