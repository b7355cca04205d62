/**
 * Child process entry: hosts one provider simulator. The simulator runs in its own process so
 * it neither competes with the connector for its event loop nor counts in the connector's memory
 * (its record store grows with the record count; the connector's must not).
 */
import { windowsFor } from '@oih-suite/kit/simulator';
import type { SimulatorServer, SimRequest, SimResponse } from '@oih-suite/kit/simulator';
import { SimulatorHandle, loadSimulator } from './components';
import type { FromHost, RateDecision, ToHost } from './simProtocol';

let handle: SimulatorHandle | undefined;
const decisions: RateDecision[] = [];

function send(message: FromHost): void {
  process.send?.(message);
}

/**
 * Notes the time and verdict of every request the rate limiter judges. The server keeps no
 * timestamps of its own, so its (private) limiter is wrapped for the benchmark's sake only.
 */
function recordRateDecisions(server: SimulatorServer): void {
  const target = server as unknown as { checkRateLimit: (req: SimRequest) => SimResponse | undefined };
  const original = target.checkRateLimit.bind(server);
  target.checkRateLimit = (req) => {
    const verdict = original(req);
    const limit = server.rateLimit;
    if (limit && !limit.exempt?.(req)) {
      decisions.push({ t: Date.now(), limited: verdict !== undefined, bucket: JSON.stringify(windowsFor(limit, req)) });
    }
    return verdict;
  };
}

/**
 * The handle's plain data besides baseUrl and cfg (e.g. SocialHub's seeded `main` consumer and
 * account), which some triggers need as step fields. Servers, stores and functions stay here.
 */
function plainExtras(handle: SimulatorHandle): Record<string, unknown> {
  const extras: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(handle)) {
    if (key === 'baseUrl' || key === 'cfg' || typeof value === 'function') continue;
    if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) !== Object.prototype) continue;
    try {
      extras[key] = JSON.parse(JSON.stringify(value)) as unknown;
    } catch {
      // not plain data after all
    }
  }
  return extras;
}

process.on('message', (message: ToHost) => {
  void handle_(message).catch((error: Error) => send({ type: 'failed', message: error.stack ?? error.message }));
});

async function handle_(message: ToHost): Promise<void> {
  if (message.type === 'start') {
    handle = await loadSimulator(message.provider).startSimulator(message.options);
    recordRateDecisions(handle.server);
    send({ type: 'started', baseUrl: handle.baseUrl, cfg: handle.cfg, extras: plainExtras(handle) });
  } else if (message.type === 'stats') {
    const server = handle?.server;
    const scale = server?.intervalScale ?? 1;
    // A simulator with several buckets (MaestroQA's hard and general endpoints): the benchmark judges the busiest.
    const counts = new Map<string, number>();
    for (const d of decisions) counts.set(d.bucket, (counts.get(d.bucket) ?? 0) + 1);
    const busiest = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
    const limits = busiest ? (JSON.parse(busiest) as { limit: number; intervalMs: number }[]) : [];
    const windows = limits.map((w) => ({ limit: w.limit, intervalMs: w.intervalMs * scale }));
    const judged = decisions.filter((d) => d.bucket === busiest);
    send({ type: 'stats', stats: { ...(server?.stats ?? { requests: 0, rateLimited: 0, faults: 0 }), decisions: judged, windows } });
  } else if (message.type === 'stop') {
    await handle?.stop();
    process.exit(0);
  }
}
