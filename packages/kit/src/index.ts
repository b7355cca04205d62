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
// Where a request may go (a next link or stored position checked against the base URL's origin, a
// foreign host only by an explicit allowance), what its body must be, and its deadline and size limits.
export { ForeignAllowance, UrlCheck, CheckedUrl, checkUrl } from './http/origin';
export type { BodyCheck } from './http/types';
export type { RequestLimits } from './http/transport';
export type { RateWindow } from './http/throttle';
export type { AdaptiveRateOptions } from './http/adaptiveRate';

// Paging: async generators of pages.
export { Page, paginateLinks, paginateOffset, paginatePages } from './paging/paginate';
export { KeysetRequest, paginateKeyset } from './paging/keyset';
export { fetchAhead } from './paging/readAhead';

// Polling: what a trigger's source gives the engine.
export type { PollWindow, PollingSource } from './polling/engine';
export { RecordPlace, checkedRecordId, firstPresent, usableId } from './polling/recordId';

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
export { readBoolean, readInteger, readString, requireString, readHttpSettings } from './component/settings';
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

// Declaring a component: the provider, its streams, actions and operations, typed fields read once
// per step, export jobs. component.json is generated from these (the generator is on the engine).
export {
  FieldJson,
  FieldDeclaration,
  FieldSet,
  Settings,
  readSettings,
  text,
  textArea,
  secret,
  integer,
  checkbox,
  select,
  dynamicSelect,
  time,
  timeZone,
  baseUrl,
  field,
} from './declare/fields';
export { ProviderDescription, describeProvider } from './declare/provider';
export { ClientContext, StepContext, clientOf } from './declare/step';
export { ChangeDetection, StreamReader, StreamDescription, DescribedStream, describeStream } from './declare/stream';
export { ActionRun, ActionDescription, DescribedAction, describeAction } from './declare/action';
export { RecordMeta, RecordsMeta } from './declare/records';
export { ComponentDescription, describeComponent } from './declare/component';
export type { VerifyResult } from './declare/verify';
export { ExportJob, ExportJobStatus, ExportPosition, exportJobPages } from './declare/exportJob';
export { Operation, OperationField, OperationFieldType, OperationResultKind } from './declare/operations/types';
export { OperationRequest, Values, buildOperationRequest, readOperationFields, readOperationItems } from './declare/operations/request';
export { operationRecordUid, shapeOperationResult } from './declare/operations/result';
// A step field per `config` field of an operation (also for a stream or an action that calls it).
export { operationFields, operationStepFields } from './declare/operations/schemas';
export { OperationHooks, describeOperation } from './declare/operations/describeOperation';
