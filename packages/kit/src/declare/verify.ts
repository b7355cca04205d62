import type { Config } from '../component/context';
import { ConnectorError } from '../errors';
import type { FieldSet } from './fields';
import type { ProviderDescription } from './provider';
import { clientContext, standaloneContext } from './step';

export type VerifyResult = { verified: true } | { verified: false; reason: string };

/**
 * `verifyCredentials` of every component, one policy: the provider's `verify` makes one cheap
 * real request with the client the steps use. A refusal names its reason, never a secret:
 * the kit's own errors (refused credentials, a bad field, a provider error) say what happened;
 * anything else (DNS, TLS, a dropped connection) is "Could not reach <provider>".
 */
export function verifyCredentialsOf<Creds extends FieldSet, Client>(
  provider: ProviderDescription<Creds, Client>,
): (this: unknown, cfg: Config) => Promise<VerifyResult> {
  return async function verifyCredentials(this: unknown, cfg: Config): Promise<VerifyResult> {
    const ctx = standaloneContext(this, cfg, 'verifyCredentials');
    try {
      const clientCtx = clientContext(provider, ctx);
      await provider.verify(provider.client(clientCtx), clientCtx);
      return { verified: true };
    } catch (error) {
      const message = ctx.redactor.text(error instanceof Error ? error.message : String(error));
      const known = error instanceof ConnectorError;
      return { verified: false, reason: known ? message : `Could not reach ${provider.title}: ${message}` };
    }
  };
}

/** `shutdown` of every step of a provider that has one: failures are logged as warnings, never thrown. */
export function shutdownOf<Creds extends FieldSet, Client>(
  provider: ProviderDescription<Creds, Client>,
): (this: unknown, cfg: Config) => Promise<void> {
  return async function shutdown(this: unknown, cfg: Config): Promise<void> {
    const ctx = standaloneContext(this, cfg, 'shutdown');
    try {
      await provider.shutdown?.(clientContext(provider, ctx));
    } catch (error) {
      ctx.log.warn(`Could not shut down cleanly`, { error: ctx.redactor.text(error instanceof Error ? error.message : String(error)) });
    }
  };
}
