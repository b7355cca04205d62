import { Redactor } from '@oih-suite/kit';
import type { SmilebackConfig } from './auth';
import { createClient } from './client';

/**
 * Logs in (or uses the platform's token) and reads one agent: proves the credentials, the API
 * root and the read scope in two requests. Never returns `false`: a refusal comes with the reason.
 */
export = async function verifyCredentials(cfg: SmilebackConfig): Promise<{ verified: true } | { verified: false; reason: string }> {
  const redactor = new Redactor().addFromConfig(cfg ?? {});
  try {
    const client = createClient({ cfg: cfg ?? {}, redactor });
    await client.http.request({ url: '/v3/csat-agents/', query: { limit: 1 } });
    return { verified: true };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { verified: false, reason: redactor.text(reason) };
  }
};
