import { SimulatorServer, TokenIssuer } from '@oih-suite/kit/simulator';
import { apiError, installRoutes } from './routes';
import { CleverReachStore, SimGroup, nowSeconds } from './store';
import type { SimulatorOptions } from '@oih-suite/kit/simulator';

export type { SimulatorOptions };

/** The kit's simulator options, plus the share of receivers seeded into a second group. */
export type CleverReachSimulatorOptions = SimulatorOptions & { multiGroupShare?: number };

export { CleverReachStore, SimGroup, nowSeconds };

export interface CleverReachSimulator {
  baseUrl: string;
  /** The credential fields a step needs to reach this simulator. */
  cfg: Record<string, unknown>;
  server: SimulatorServer;
  store: CleverReachStore;
  tokens: TokenIssuer;
  /** Makes every issued access token expired (the next call answers 401). */
  expireTokens(): void;
  stop(): Promise<void>;
}

export const SIM_CLIENT_ID = 'sim-client';
export const SIM_CLIENT_SECRET = 'sim-client-secret-0001';
/** 30 days, as long-lived as CleverReach's tokens. */
const TOKEN_TTL_SECONDS = 2_592_000;

/** Starts a local CleverReach REST v3 simulator on 127.0.0.1. */
export async function startSimulator(options: CleverReachSimulatorOptions = {}): Promise<CleverReachSimulator> {
  const server = new SimulatorServer('cleverreach');
  const store = new CleverReachStore();
  const tokens = new TokenIssuer(TOKEN_TTL_SECONDS);
  installRoutes(server, store, tokens, { clientId: SIM_CLIENT_ID, clientSecret: SIM_CLIENT_SECRET });
  if (options.records !== undefined) store.seed(options.records, options.seed, options.multiGroupShare);
  if (options.intervalScale !== undefined) server.intervalScale = options.intervalScale;
  if (options.rateLimits) {
    server.rateLimit = {
      windows: [{ limit: 10, intervalMs: 1000 }],
      exempt: (req) => req.path.startsWith('/oauth/'),
      respond: (seconds) => ({ ...apiError(429, 'Too Many Requests'), headers: { 'Retry-After': String(seconds) } }),
    };
  }
  const baseUrl = await server.start(options.port ?? 0);
  return {
    baseUrl,
    cfg: { client_id: SIM_CLIENT_ID, client_secret: SIM_CLIENT_SECRET, baseUrl },
    server,
    store,
    tokens,
    expireTokens: () => tokens.expireAll(),
    stop: () => server.stop(),
  };
}
