import type { FieldDeclaration, FieldSet, Settings } from './fields';
import type { ClientContext } from './step';

/**
 * A provider: who it is, its credentials, how to build its client, how to prove credentials and
 * what to do when a flow stops. Triggers and actions are described against it (`describeStream`,
 * `describeAction`), the component bundles them (`describeComponent`), and component.json is
 * generated from the bundle.
 */
export interface ProviderDescription<Creds extends FieldSet, Client> {
  /** The folder name under components/ (and the npm package `@oih-suite/<id>`). */
  id: string;
  title: string;
  description: string;
  docsUrl: string;
  /** Default `metadata.applicationUid` of every message; a step's `applicationUid` field overrides it. */
  applicationUid: string;
  credentials: Creds;
  /**
   * Credential fields of which one of a pair is needed (e.g. `[['accessToken', 'client_id']]`):
   * both stay `required: false` and the generator says so in their notes.
   */
  alternatives?: [string, string][];
  /** Environment variables the component reads (`envVars` of component.json), e.g. an OAuth app's id. */
  envVars?: Record<string, { required: boolean; description: string }>;
  /** The platform's OAuth2 app (`credentials.oauth2` of component.json) when a credential field is an `OAuthFieldView`. */
  oauth2?: Record<string, unknown>;
  /**
   * How the provider limits requests: 'published' limits (the client's `rateLimit.windows`; steps
   * get `rateLimitShare`) or none published, so the kit's adaptive rate backs off on 429 (the
   * client's `rateLimit.adaptive`; steps get `maxRequestsPerSecond`). Default 'published'.
   */
  rateLimit?: 'published' | 'adaptive';
  /** An example customMapping over this provider's records (the placeholder of every step's field). */
  mappingExample: string;
  /** The client of one step; it must use `ctx.redactor` so secrets obtained at run time are masked too. */
  client(ctx: ClientContext<Settings<Creds>>): Client;
  /** One cheap real request that proves the credentials; throw to refuse. */
  verify(client: Client, ctx: ClientContext<Settings<Creds>>): Promise<unknown>;
  /** Called when a flow stops (e.g. revoke a token). Failures are logged, never thrown. */
  shutdown?(ctx: ClientContext<Settings<Creds>>): Promise<void>;
}

/** Keeps the credential and client types of a provider description. */
export function describeProvider<Creds extends FieldSet, Client>(
  description: ProviderDescription<Creds, Client>,
): ProviderDescription<Creds, Client> {
  return description;
}

export type AnyProvider = ProviderDescription<Record<string, FieldDeclaration<unknown>>, unknown>;
