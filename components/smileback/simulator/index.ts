import { SimulatorServer, TokenIssuer } from '@oih-suite/kit/simulator';
import type { SimulatorOptions as CommonSimulatorOptions } from '@oih-suite/kit/simulator';
import type { Review } from './records';
import type { ReferenceKind } from './data';
import { SimAccount, detail, installRoutes } from './routes';
import { SmilebackStore } from './store';

export { SmilebackStore, ReferenceKind };
export { isoMicros, nowMicros, parseMicros } from './time';

/**
 * The common simulator options; `records` seeds reviews plus NPS and project responses and
 * reference data; `rateLimits` is the documented 30 requests per minute per customer.
 */
export interface SimulatorOptions extends CommonSimulatorOptions {
  /** Access-token lifetime; default 36000 s (django-oauth-toolkit's default). */
  tokenTtlSeconds?: number;
}

export interface SmilebackSimulator {
  baseUrl: string;
  /** The credential fields that reach this simulator. */
  cfg: Record<string, unknown>;
  server: SimulatorServer;
  store: SmilebackStore;
  tokens: TokenIssuer;
  account: SimAccount;
  addReview(changes?: Partial<Review>): Review;
  updateReview(id: number, changes: Partial<Review>): Review;
  deleteReview(id: number): Review;
  /** Makes every issued access token expired (the next call answers 401). */
  expireTokens(): void;
  /** Answer the reference lists as plain arrays instead of DRF envelopes. */
  setPlainArrays(on: boolean): void;
  stop(): Promise<void>;
}

export const SIM_ACCOUNT: SimAccount = {
  username: 'sim-user@example.com',
  password: 'sim-password-0001',
  clientId: 'sim-client',
  clientSecret: 'sim-client-secret-0001',
};

/** Starts a local SmileBack Data Replication API v3 simulator on 127.0.0.1 (API root `/api`). */
export async function startSimulator(options: SimulatorOptions = {}): Promise<SmilebackSimulator> {
  const server = new SimulatorServer('smileback');
  const store = new SmilebackStore(options.seed);
  const tokens = new TokenIssuer(options.tokenTtlSeconds ?? 36_000);
  let plainArrays = false;
  installRoutes(server, store, tokens, SIM_ACCOUNT, { plainArrays: () => plainArrays });
  if (options.records !== undefined) store.seed(options.records, options.seed);
  if (options.intervalScale !== undefined) server.intervalScale = options.intervalScale;
  if (options.rateLimits !== false) {
    server.rateLimit = {
      windows: [{ limit: 30, intervalMs: 60_000 }],
      // Per customer: every token of the account counts together; the token endpoints are not limited.
      key: () => SIM_ACCOUNT.username,
      exempt: (req) => /^\/api\/(token|revoke)\/?$/.test(req.path),
      respond: (seconds) => ({
        ...detail(429, `Request was throttled. Expected available in ${seconds} seconds.`),
        headers: { 'Retry-After': String(seconds) },
      }),
    };
  }
  const url = await server.start(options.port ?? 0);
  const baseUrl = `${url}/api`;
  return {
    baseUrl,
    cfg: {
      username: SIM_ACCOUNT.username,
      password: SIM_ACCOUNT.password,
      client_id: SIM_ACCOUNT.clientId,
      client_secret: SIM_ACCOUNT.clientSecret,
      baseUrl,
    },
    server,
    store,
    tokens,
    account: SIM_ACCOUNT,
    addReview: (changes) => store.addReview(changes),
    updateReview: (id, changes) => store.updateReview(id, changes),
    deleteReview: (id) => store.deleteReview(id),
    expireTokens: () => tokens.expireAll(),
    setPlainArrays: (on) => {
      plainArrays = on;
    },
    stop: () => server.stop(),
  };
}
