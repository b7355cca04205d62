import type { ComponentContext, Config } from '@oih-suite/kit';
import { SocialHubClient } from '../client';

export const APPLICATION_UID = 'socialhub';

/** The client for one run, sharing the step's redactor so tokens never reach logs or errors. */
export function clientFor(ctx: ComponentContext<Config>): SocialHubClient {
  return new SocialHubClient(ctx.cfg, ctx.log, ctx.redactor);
}

/** `metadata.applicationUid`: the flow may name the application differently. */
export function applicationUid(cfg: Config): string {
  return typeof cfg.applicationUid === 'string' && cfg.applicationUid ? cfg.applicationUid : APPLICATION_UID;
}
