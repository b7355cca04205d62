import { ComponentContext, Config, createContext } from '../component/context';
import type { Emitter, RuntimeSelf } from '../messages/emitter';
import { Log, silentLogger } from '../util/logger';
import type { Redactor } from '../util/redact';
import { FieldSet, Settings, readSettings } from './fields';
import type { ProviderDescription } from './provider';

/** What a provider's client factory gets: the credentials read once, and the step's log and redactor. */
export interface ClientContext<Credentials> {
  cfg: Config;
  credentials: Credentials;
  log: Log;
  redactor: Redactor;
  /**
   * The step's emitter, for handing rotated OAuth tokens back to the platform (`updateKeys`).
   * Absent outside a flow message (verifyCredentials, shutdown, clientOf): nothing could take them.
   */
  emitter?: Emitter;
}

/** What a stream's `read` and an action's `run` get: typed settings, the client, the step's context. */
export interface StepContext<Client, S> extends ComponentContext<Config> {
  settings: S;
  client: Client;
  /** `metadata.applicationUid` of this step's messages: the step's `applicationUid` field, else the provider's. */
  applicationUid: string;
}

/** The one applicationUid policy of triggers and actions alike. */
export function applicationUidOf(cfg: Config, fallback: string): string {
  return typeof cfg.applicationUid === 'string' && cfg.applicationUid.trim() ? cfg.applicationUid.trim() : fallback;
}

/**
 * Reads the step's fields (once, before any request), then builds the client lazily: a step that
 * fails on its input never touches the provider. `values` is what the fields are read from (an
 * action may merge the message over the configuration).
 */
export function openStep<Creds extends FieldSet, Client, F extends FieldSet>(
  provider: ProviderDescription<Creds, Client>,
  fields: F,
  ctx: ComponentContext<Config>,
  values: Config = ctx.cfg,
): StepContext<Client, Settings<F>> {
  const settings = readSettings(fields, values);
  let client: Client | undefined;
  return {
    ...ctx,
    settings,
    applicationUid: applicationUidOf(ctx.cfg, provider.applicationUid),
    get client(): Client {
      client ??= provider.client({ ...clientContext(provider, ctx), emitter: ctx.emitter });
      return client;
    },
  };
}

export function clientContext<Creds extends FieldSet, Client>(
  provider: ProviderDescription<Creds, Client>,
  ctx: ComponentContext<Config>,
): ClientContext<Settings<Creds>> {
  return { cfg: ctx.cfg, credentials: readSettings(provider.credentials, ctx.cfg), log: ctx.log, redactor: ctx.redactor };
}

/** A context outside a flow message (verifyCredentials, shutdown): the runtime's logger when it has one, else the console. */
export function standaloneContext(self: unknown, cfg: Config | undefined, name: string): ComponentContext<Config> {
  const runtime = self && typeof self === 'object' ? (self as Partial<RuntimeSelf>) : {};
  const target: RuntimeSelf = { emit: async () => undefined, logger: runtime.logger };
  return createContext(target, cfg ?? {}, name);
}

/**
 * A provider's client outside a step (tests, the CLI, benchmarks): the credentials read and checked
 * as a step would; logs go to `self.logger` when given, else nowhere.
 */
export function clientOf<Creds extends FieldSet, Client>(
  provider: ProviderDescription<Creds, Client>,
  cfg: Config,
  self: { logger?: unknown } = { logger: silentLogger },
): Client {
  return provider.client(clientContext(provider, standaloneContext(self, cfg, provider.id)));
}
