import { SeededRandom, SimulatorServer, TokenIssuer } from '@oih-suite/kit/simulator';
import { fail } from './envelope';
import { installRoutes } from './routes';
import { Row, SocialHubStore } from './store';
import type { SimulatorOptions } from '@oih-suite/kit/simulator';

export type { SimulatorOptions };

/**
 * SocialHub publishes no rate limit. The simulator answers 429 past 20 requests a second per app,
 * the budget the connector says it keeps (lib/client.ts): a 429 here means the connector overran
 * its own promise. Written here, not imported, so a change on either side shows as a 429 or a gap.
 */
const RATE_LIMIT = [{ limit: 20, intervalMs: 1000 }];

export interface SocialHubSimulatorOptions extends SimulatorOptions {
  /** The tenant's time zone in minutes east of UTC (default 0): how transaction times are written and read. */
  timeZoneOffsetMinutes?: number;
}

export { SocialHubStore } from './store';

export interface SocialHubSimulator {
  baseUrl: string;
  /** The credential fields that reach this simulator. */
  cfg: { appId: string; appSecret: string; baseUrl: string };
  server: SimulatorServer;
  store: SocialHubStore;
  issuer: TokenIssuer;
  /** The seeded consumer, card and points account that hold the history the triggers read. */
  main: { consumerCode: string; cardNo: string; accountCode: string };
  stop(): Promise<void>;
  /** Adds points records to an account (default: the main one), now or at one shared time; returns their ids. */
  addPointsRecords(count: number, options?: { sameTime?: boolean; accountCode?: string }): string[];
  /** Marks points records as changed now (e.g. expired). */
  touchPointsRecords(ids: string[]): void;
  addTransactions(count: number, options?: { sameTime?: boolean; consumerCode?: string }): string[];
  touchTransactions(ids: string[]): void;
  /** Every issued access token stops working (refresh tokens still do). */
  expireTokens(): void;
  importedEvents(): Row[];
}

/** A faithful SocialHub system API on 127.0.0.1 (see simulator/README.md). */
export async function startSimulator(options: SocialHubSimulatorOptions = {}): Promise<SocialHubSimulator> {
  const server = new SimulatorServer('socialhub');
  const issuer = new TokenIssuer(7200);
  const store = new SocialHubStore(new SeededRandom(options.seed ?? 42), options.timeZoneOffsetMinutes ?? 0);
  const app = { appId: 'sim-app', appSecret: 'sim-app-secret' };
  const main = store.seed(Math.max(1, options.records ?? 0), options.seedTime);
  if (!options.records) {
    // Without records only the main consumer and card exist: tests add what they need.
    store.transactions.clear();
    store.pointsRecords.length = 0;
    store.pointsRecordsChanged();
  }
  installRoutes(server, store, issuer, app);
  server.intervalScale = options.intervalScale ?? 1;
  if (options.rateLimits !== false) {
    server.rateLimit = {
      windows: RATE_LIMIT,
      respond: (seconds) => ({ ...fail('429', 'too many requests', 429), headers: { 'Retry-After': String(seconds) } }),
    };
  }
  const baseUrl = await server.start(options.port ?? 0);
  const stamp = (sameTime?: boolean) => (sameTime ? Date.now() : undefined);
  return {
    baseUrl,
    cfg: { ...app, baseUrl },
    server,
    store,
    issuer,
    main,
    stop: () => server.stop(),
    addPointsRecords: (count, o = {}) => {
      const at = stamp(o.sameTime);
      return Array.from({ length: count }, (_, i) =>
        String(
          store.addPointsRecord(
            { accountCode: o.accountCode ?? main.accountCode, operationType: 6, pointValue: 10 * (i + 1), pointDesc: 'added' },
            at,
          ).recordId,
        ),
      );
    },
    touchPointsRecords: (ids) => {
      const touched = new Set(ids);
      for (const record of store.pointsRecords)
        if (touched.has(String(record.recordId))) Object.assign(record, { status: 2, updateTime: store.nextTime() });
      store.pointsRecordsChanged();
    },
    addTransactions: (count, o = {}) => {
      const at = stamp(o.sameTime);
      return Array.from({ length: count }, () => String(store.addTransaction(o.consumerCode ?? main.consumerCode, at).transactionCode));
    },
    touchTransactions: (ids) => {
      for (const id of ids) {
        const t = store.transactions.get(id);
        if (t) Object.assign(t, { orderStatus: 1, updateTime: store.wallTime(store.nextTime()) });
      }
      store.transactionsChanged();
    },
    expireTokens: () => issuer.expireAll(),
    importedEvents: () => [...store.events.values()],
  };
}
