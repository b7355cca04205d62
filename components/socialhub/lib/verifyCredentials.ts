import { ConnectorError, Redactor } from '@oih-suite/kit';
import { SocialHubClient, SocialHubConfig } from './client';

/** Obtains a token with the app id and secret; the platform shows `reason` when they do not work. */
export = async function verifyCredentials(cfg: SocialHubConfig): Promise<{ verified: true } | { verified: false; reason: string }> {
  const redactor = new Redactor().addFromConfig(cfg);
  try {
    await new SocialHubClient(cfg ?? {}, undefined, redactor).login();
    return { verified: true };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const kind = error instanceof ConnectorError ? '' : 'Unexpected error: ';
    return { verified: false, reason: redactor.text(`${kind}${message}`) };
  }
};
