import { ADAPTIVE_RATE_DEFAULTS } from '../http/adaptiveRate';
import type { FieldJson } from './fields';

/** What the generator knows about a step when it picks and words the kit's standard fields. */
export interface StepShape {
  kind: 'trigger' | 'action';
  /** The provider's display name, for notes ("Emit MaestroQA's records unchanged"). */
  provider: string;
  /** Triggers: how changes are found; 'fingerprint' streams have no time, so no start or end time. */
  changes?: 'since' | 'scan' | 'fingerprint';
  pageSize?: { fallback: number; max: number };
  /** An example customMapping for this provider's records. */
  mappingExample: string;
  /** The provider's default `metadata.applicationUid`. */
  applicationUid: string;
  /** How the provider limits requests (its description's `rateLimit`, default 'published'): which rate field the steps get. */
  rateLimit?: 'published' | 'adaptive';
}

/**
 * A field the kit reads for every step it applies to (the engine, the transformer, the HTTP
 * client). Listed once here; the generator adds each to every step where `appliesTo` holds.
 */
export interface StandardField {
  name: string;
  /** Before the step's own fields (the polling window) or after them (everything else). */
  placement: 'first' | 'last';
  appliesTo(step: StepShape): boolean;
  json(step: StepShape): FieldJson;
}

const trigger = (step: StepShape) => step.kind === 'trigger';
const timed = (step: StepShape) => step.kind === 'trigger' && step.changes !== 'fingerprint';
const always = () => true;
const published = (step: StepShape) => step.rateLimit !== 'adaptive';
const adaptive = (step: StepShape) => step.rateLimit === 'adaptive';

/**
 * The kit's standard step fields, in the order component.json lists them ('first' ones before the
 * step's own fields, 'last' ones after them). To add one: append an entry
 * here, read it in the kit, run `npm run generate`; every generated component.json gets it.
 */
export const STANDARD_FIELDS: StandardField[] = [
  {
    name: 'startTime',
    placement: 'first',
    appliesTo: timed,
    json: () => ({
      label: 'Start time',
      viewClass: 'TextFieldView',
      required: false,
      note: 'ISO 8601; where the first run starts (default: the beginning of time)',
      placeholder: '2024-01-31T00:00:00Z',
    }),
  },
  {
    name: 'endTime',
    placement: 'first',
    appliesTo: timed,
    json: () => ({
      label: 'End time',
      viewClass: 'TextFieldView',
      required: false,
      note: 'ISO 8601; changes after this time are not read',
      placeholder: '2024-12-31T23:59:59Z',
    }),
  },
  {
    name: 'pageSize',
    placement: 'first',
    appliesTo: trigger,
    json: (step) => ({
      label: 'Page size',
      viewClass: 'TextFieldView',
      required: false,
      note: `Records per page, 1 to ${step.pageSize?.max ?? 1000} (default ${step.pageSize?.fallback ?? 1000}); a snapshot is stored after each page`,
      placeholder: String(step.pageSize?.fallback ?? 1000),
    }),
  },
  {
    name: 'singlePagePerInterval',
    placement: 'first',
    appliesTo: trigger,
    json: () => ({
      label: 'One page per run',
      viewClass: 'CheckBoxView',
      required: false,
      note: 'Stop after the first page that emitted something; the next run continues',
    }),
  },
  {
    name: 'safetyLagSeconds',
    placement: 'first',
    appliesTo: timed,
    json: () => ({
      label: 'Safety lag (seconds)',
      viewClass: 'TextFieldView',
      required: false,
      note: "How far behind now each poll stops reading (the provider's clock where its Date header is behind ours), 0 to 86400, default 60. A record the API shows late (a lagging replica or search index, a clock behind ours) is read by the next poll instead of being missed; the price: records appear that much later. 0 reads up to now (the old behaviour).",
      placeholder: '60',
    }),
  },
  {
    name: 'resetSnapshot',
    placement: 'first',
    appliesTo: trigger,
    json: () => ({
      label: 'Reset snapshot (start over)',
      viewClass: 'CheckBoxView',
      required: false,
      note: 'The next run ignores the stored snapshot and starts at startTime; later runs continue from there. Switch off and on again to reset again',
    }),
  },
  {
    name: 'skipTransformation',
    placement: 'last',
    appliesTo: always,
    json: (step) => ({
      label: 'Skip transformation',
      viewClass: 'CheckBoxView',
      required: false,
      note: `Pass the record through as ${step.provider} returns it (no built-in mapping)`,
    }),
  },
  {
    name: 'customMapping',
    placement: 'last',
    appliesTo: always,
    json: (step) => ({
      label: 'Custom mapping (JSONata)',
      viewClass: 'TextAreaView',
      required: false,
      note: 'A JSONata expression over the whole message {metadata, data}; replaces the built-in mapping',
      placeholder: step.mappingExample,
    }),
  },
  {
    name: 'customMappingTimeoutMs',
    placement: 'last',
    appliesTo: always,
    json: () => ({
      label: 'Custom mapping time limit (ms)',
      viewClass: 'TextFieldView',
      required: false,
      note: 'Longest one customMapping evaluation may run, 1 to 60000 (default 1000)',
      placeholder: '1000',
    }),
  },
  {
    name: 'customMappingMaxDepth',
    placement: 'last',
    appliesTo: always,
    json: () => ({
      label: 'Custom mapping depth limit',
      viewClass: 'TextFieldView',
      required: false,
      note: 'Deepest nesting of one customMapping evaluation, 10 to 10000 (default 500)',
      placeholder: '500',
    }),
  },
  {
    name: 'maxRetryWaitSeconds',
    placement: 'last',
    appliesTo: always,
    json: () => ({
      label: 'Max retry wait (seconds)',
      viewClass: 'TextFieldView',
      required: false,
      note: 'How long one request may wait on rate limits and retries before the step rebounds (default 180)',
      placeholder: '180',
    }),
  },
  {
    name: 'requestTimeoutSeconds',
    placement: 'last',
    appliesTo: always,
    json: () => ({
      label: 'Request timeout (seconds)',
      viewClass: 'TextFieldView',
      required: false,
      note: 'Overall deadline of one request, headers and body (default 120; connect 10 s and idle 30 s at most)',
      placeholder: '120',
    }),
  },
  {
    name: 'maxResponseMB',
    placement: 'last',
    appliesTo: always,
    json: () => ({
      label: 'Max response size (MB)',
      viewClass: 'TextFieldView',
      required: false,
      note: 'A larger response is refused with an error (default 50); export files are streamed row by row and not held to it',
      placeholder: '50',
    }),
  },
  {
    name: 'rateLimitShare',
    placement: 'last',
    appliesTo: published,
    json: () => ({
      label: 'Share of the rate limit',
      viewClass: 'TextFieldView',
      required: false,
      note: "The part of the account's rate limit this step may use, above 0 and at most 1 (default 1: all of it). Several flows on one account run in separate containers, each with its own throttle: give each a share so that the shares add up to at most 1 (two flows: 0.5 each), and none of them meets a 429. Without shares each throttle halves its part after a 429 it did not cause and climbs back one request per window, so refusals stay rare but do happen.",
      placeholder: '1',
    }),
  },
  {
    // Read by the provider's client into the kit's adaptive rate (`rateLimit: {key, adaptive: {maxPerSecond}}`).
    name: 'maxRequestsPerSecond',
    placement: 'last',
    appliesTo: adaptive,
    json: (step) => ({
      label: 'Max requests per second',
      viewClass: 'TextFieldView',
      required: false,
      note: `Cap for this credential's request rate, if your ${step.provider} contract names one (${step.provider} publishes no limit: by default the rate starts at ${ADAPTIVE_RATE_DEFAULTS.initialPerSecond}/s, halves on every 429 and recovers by ${ADAPTIVE_RATE_DEFAULTS.recoveryPerSecond}/s each second)`,
      placeholder: String(ADAPTIVE_RATE_DEFAULTS.initialPerSecond),
    }),
  },
  {
    name: 'applicationUid',
    placement: 'last',
    appliesTo: always,
    json: (step) => ({
      label: 'Application UID',
      viewClass: 'TextFieldView',
      required: false,
      note: `metadata.applicationUid of every emitted message, when the flow's OIH application is not called "${step.applicationUid}"`,
      placeholder: step.applicationUid,
    }),
  },
];

/** What the generator knows about a provider when it picks the kit's standard credential fields. */
export interface ProviderShape {
  title: string;
  /** The provider's own credential field names (e.g. whether it has a `baseUrl`). */
  credentials: string[];
}

/** A credential field the kit reads for every provider it applies to (e.g. a switch of the HTTP client). */
export interface StandardCredentialField {
  name: string;
  appliesTo(provider: ProviderShape): boolean;
  json(provider: ProviderShape): FieldJson;
}

/**
 * The kit's standard credential fields, added after the provider's own ones. To add one, append an
 * entry here, read it in the kit and run `npm run generate`.
 */
export const STANDARD_CREDENTIAL_FIELDS: StandardCredentialField[] = [
  {
    // Read by readHttpSettings: the HTTP client refuses plain http:// to a non-loopback base URL without it.
    name: 'allowInsecureHttp',
    appliesTo: (p) => p.credentials.includes('baseUrl'),
    json: () => ({
      label: 'Allow plain http://',
      viewClass: 'CheckBoxView',
      required: false,
      note: 'Only for a Base URL on a trusted network: credentials would travel unencrypted (loopback addresses never need it)',
    }),
  },
];
