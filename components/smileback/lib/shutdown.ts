import { Log, LoggerLike, Redactor } from '@oih-suite/kit';
import { SmilebackConfig, readPlatformOauth, takeLatestToken } from './auth';
import { createClient, readBaseUrl } from './client';

/**
 * The flow stopped: revoke the access token this process obtained (or the platform's), as the
 * API's workflow asks ("Revoke token when disconnecting"). The platform's refresh token is kept,
 * or the credential would be dead when the flow starts again. Failures are logged, not thrown:
 * the token expires anyway.
 */
export async function shutdown(this: { logger?: unknown } | void, cfg: SmilebackConfig): Promise<void> {
  const redactor = new Redactor().addFromConfig(cfg ?? {});
  const runtimeLogger = this && isLogger(this.logger) ? this.logger : consoleTarget;
  const log = new Log(runtimeLogger, redactor, { step: 'shutdown' });
  try {
    const baseUrl = readBaseUrl(cfg);
    const known = takeLatestToken(cfg, baseUrl);
    const oauth = readPlatformOauth(cfg);
    const token = known?.token.accessToken ?? oauth?.access_token;
    if (!token) {
      log.info('No SmileBack token to revoke');
      return;
    }
    redactor.add(token, known?.token.refreshToken);
    const client = createClient({ cfg, log, redactor });
    const app = known?.client ?? {
      clientId: String(cfg.client_id ?? process.env.SMILEBACK_CLIENT_ID ?? ''),
      clientSecret: String(cfg.client_secret ?? process.env.SMILEBACK_CLIENT_SECRET ?? ''),
    };
    await client.revoke(token, 'access_token', app);
    // Our own refresh token (password grant) dies with the flow; the platform's is not ours to end.
    if (known?.token.refreshToken && !oauth) await client.revoke(known.token.refreshToken, 'refresh_token', app);
    log.info('SmileBack token revoked');
  } catch (error) {
    log.warn('Could not revoke the SmileBack token', { error: redactor.text((error as Error).message) });
  }
}

function isLogger(value: unknown): value is LoggerLike {
  return !!value && typeof (value as LoggerLike).info === 'function' && typeof (value as LoggerLike).error === 'function';
}

const consoleTarget: LoggerLike = {
  debug: () => undefined,
  info: (fields: unknown, message: unknown) => console.log(JSON.stringify({ level: 'info', msg: message, ...(fields as object) })),
  warn: (fields: unknown, message: unknown) => console.warn(JSON.stringify({ level: 'warn', msg: message, ...(fields as object) })),
  error: (fields: unknown, message: unknown) => console.error(JSON.stringify({ level: 'error', msg: message, ...(fields as object) })),
};
