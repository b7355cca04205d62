import { AuthenticationError, ConfigurationError, ConnectorError, Redactor } from '@oih-suite/kit';
import { createClient } from './client';
import { dayOf } from './windows';

/**
 * One cheap real call: the coaching export for a single day. It proves the token and the base URL;
 * the answer is usually a short list.
 */
export = async function verifyCredentials(cfg: Record<string, unknown>): Promise<{ verified: true } | { verified: false; reason: string }> {
  const redactor = new Redactor().addFromConfig(cfg);
  try {
    const today = dayOf(Date.now());
    await createClient(cfg).coachingSessions(today, today, 'createdAt');
    return { verified: true };
  } catch (error) {
    const message = redactor.text(error instanceof Error ? error.message : String(error));
    if (error instanceof AuthenticationError) return { verified: false, reason: `MaestroQA refused the API token: ${message}` };
    if (error instanceof ConfigurationError || error instanceof ConnectorError) return { verified: false, reason: message };
    return { verified: false, reason: `Could not reach MaestroQA: ${message}` };
  }
};
