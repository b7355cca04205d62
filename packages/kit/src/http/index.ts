export * from './types';
export * from './auth';
export * from './oauth2';
export { HttpClient, HttpClientOptions, defaultErrorInfo } from './client';
export { Throttle, RateWindow, RequestGate, sharedThrottle, resetSharedThrottles } from './throttle';
export { AdaptiveRate, AdaptiveRateOptions, ADAPTIVE_RATE_DEFAULTS, sharedAdaptiveRate } from './adaptiveRate';
export { retryAfterMs, parseHttpDate, backoffMs } from './retryTiming';
