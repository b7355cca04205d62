// The kit's public surface: what a component author uses to describe a provider. The engine and
// the runtime's seams are `@oih-suite/kit/engine`; test utilities `@oih-suite/kit/testing`; the
// simulator toolkit `@oih-suite/kit/simulator`. Names are listed one by one so that nothing
// reaches the surface by accident (test/components/surface.spec.ts checks what components import).

// Errors: one class per failure kind; retryable ones end a run with `rebound`.
export { ConnectorError, ConnectorErrorDetails } from './errors/ConnectorError';
export { ConfigurationError } from './errors/ConfigurationError';
export { AuthenticationError } from './errors/AuthenticationError';
export { RateLimitError } from './errors/RateLimitError';
export { TransientError } from './errors/TransientError';
export { ProviderError } from './errors/ProviderError';
export { ScanPositionLostError } from './errors/ScanPositionLostError';
export { InvalidItemsError, InvalidItem } from './errors/InvalidItemsError';

// HTTP: the client, auth strategies and OAuth2 grants.
export { HttpMethod, QueryValue, HttpRequest, HttpResponse, ProviderErrorInfo, RetryPolicy } from './http/types';
export { AuthStrategy, HeaderAuth, TokenAuth, TokenAuthOptions, TokenSet, UnauthenticatedSender, bearer } from './http/auth';
export { OAuthClient, oauth2Token, clientCredentialsGrant, passwordGrant, refreshGrant } from './http/oauth2';
export { HttpClient, HttpClientOptions } from './http/client';
export type { RateWindow } from './http/throttle';
export type { AdaptiveRateOptions } from './http/adaptiveRate';

// Paging: async generators of pages.
export { Page, paginateLinks, paginateOffset, paginatePages } from './paging/paginate';
export { KeysetRequest, paginateKeyset } from './paging/keyset';

// Polling: what a trigger's source gives the engine.
export type { PollWindow, PollingSource } from './polling/engine';
export { RecordPlace, checkedRecordId, firstPresent } from './polling/recordId';

// Messages.
export { OihMessage, OihMetadata, TombstoneData, oihMessage, tombstone } from './messages/message';
export type { Emitter, RuntimeSelf } from './messages/emitter';

// Mappings.
export { compileExpression, CompiledExpression } from './transform/compile';
export { Transformer, TransformSettings } from './transform/transformer';

// Steps: triggers, actions, their context and settings.
export { ComponentContext, Config } from './component/context';
export { PollingTriggerSpec, ProcessFunction, definePollingTrigger } from './component/trigger';
export { ActionContext, ActionSpec, defineAction } from './component/action';
export { readBoolean, readInteger, readString, requireString } from './component/settings';
export { StepHttpOptions, stepHttpClient } from './component/stepClient';

// Action input: strict readers, and the all-or-nothing check of a list.
export { isAbsent, strictNumber, strictInteger, NumberBounds, strictText, strictBoolean, strictChoice, strictTime } from './input';
export { readRecordUid, readDeleteRequested, checkEveryItem } from './input';

// Utilities.
export { Redactor } from './util/redact';
export { Log, LoggerLike, LogFields, silentLogger } from './util/logger';
export { now, wait, rateWindowMs } from './util/timing';
export { parseTimestamp, toIso, toUnixSeconds, DAY_MS } from './util/timestamps';
export { hashKey } from './util/hash';
export { WallClock, readTimeZoneField } from './util/timeZone';
