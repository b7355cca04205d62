export * from './types';
export * from './auth';
export * from './oauth2';
export { HttpClient, HttpClientOptions, defaultErrorInfo } from './client';
export { Throttle, RateWindow, sharedThrottle, resetSharedThrottles } from './throttle';
export { retryAfterMs, parseHttpDate, backoffMs } from './retryTiming';
export { observeProviderDate, slowestProviderOffsetMs, resetProviderClocks } from './providerClock';
export { shareWindows } from './budgetShare';
