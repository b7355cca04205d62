import type { Config } from '../component/context';
import { ConnectorError } from '../errors';
import type { FieldSet } from './fields';
import type { ProviderDescription } from './provider';
import { clientContext, standaloneContext } from './step';

/** `reason` is on both sides so a caller may read it without narrowing first. */
export type VerifyResult = { verified: true; reason?: undefined } | { verified: false; reason: string };
/** How long verifyCredentials may wait on rate limits and retries (the step's maxRetryWaitSeconds wins). */
export const VERIFY_RETRY_WAIT_SECONDS = 15;
type Standalone<T> = (this: unknown, cfg: Config) => Promise<T>;

/**
 * `verifyCredentials` of every component, one policy: the provider's `verify` makes one cheap
 * real request with the client the steps use. A refusal names its reason, never a secret:
 * the kit's own errors (refused credentials, a bad field, a provider error) say what happened;
 * anything else (DNS, TLS, a dropped connection) is "Could not reach <provider>".
 */
export function verifyCredentialsOf<Creds extends FieldSet, Client>(provider: ProviderDescription<Creds, Client>): Standalone<VerifyResult> {
  return outsideFlow<Creds, Client, VerifyResult>(
    provider,
    'verifyCredentials',
    async (clientCtx) => {
      await provider.verify(provider.client(clientCtx), clientCtx);
      return { verified: true };
    },
    (message, error) => ({ verified: false, reason: error instanceof ConnectorError ? message : `Could not reach ${provider.title}: ${message}` }),
    // Someone is waiting for the answer in the UI: no long rate-limit waits unless the credentials ask for them.
    { maxRetryWaitSeconds: VERIFY_RETRY_WAIT_SECONDS },
  );
}

/** `shutdown` of every step of a provider that has one: failures are logged as warnings, never thrown. */
export function shutdownOf<Creds extends FieldSet, Client>(provider: ProviderDescription<Creds, Client>): Standalone<void> {
  return outsideFlow(
    provider,
    'shutdown',
    async (clientCtx) => provider.shutdown?.(clientCtx),
    (message, _error, log) => log.warn('Could not shut down cleanly', { error: message }),
  );
}

/** A call the platform makes outside a flow message: its own context, the failure redacted and handed to `failed`. */
function outsideFlow<Creds extends FieldSet, Client, T>(
  provider: ProviderDescription<Creds, Client>,
  name: string,
  body: (clientCtx: ReturnType<typeof clientContext<Creds, Client>>) => Promise<T>,
  failed: (message: string, error: unknown, log: ReturnType<typeof standaloneContext>['log']) => T,
  defaults: Config = {},
): Standalone<T> {
  return async function (this: unknown, cfg: Config): Promise<T> {
    const ctx = standaloneContext(this, { ...defaults, ...(cfg ?? {}) }, name);
    try {
      return await body(clientContext(provider, ctx));
    } catch (error) {
      return failed(ctx.redactor.text(error instanceof Error ? error.message : String(error)), error, ctx.log);
    }
  };
}
