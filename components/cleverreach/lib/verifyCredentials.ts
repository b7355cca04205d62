import { Log, Redactor, silentLogger } from '@oih-suite/kit';
import { createClient } from './client';

/**
 * Checks the credentials against the API itself (a token when client credentials are given,
 * then the group list). Always answers `{verified, reason?}`; the reason never holds a secret.
 */
export = async function verifyCredentials(cfg: Record<string, unknown>): Promise<{ verified: boolean; reason?: string }> {
  const redactor = new Redactor().addFromConfig(cfg ?? {});
  try {
    // Someone is waiting for the answer in the UI: do not sit out long rate-limit waits.
    const settings = { maxRetryWaitSeconds: 15, ...(cfg ?? {}) };
    const client = createClient(settings, new Log(silentLogger, redactor), redactor);
    await client.groups();
    return { verified: true };
  } catch (error) {
    return { verified: false, reason: redactor.text(error instanceof Error ? error.message : String(error)) };
  }
};
