/**
 * CleverReach initial sync next to a plain download of the same data (issue 14): 25,000 receivers
 * in 3 groups, 10 % of them in two. The baseline fetches every group's pages with Node's own HTTP
 * client and JSON.parses them in this process; the trigger runs as the throughput suite runs it.
 * Both against one simulator in its own process, rate limits off.
 */
import http from 'node:http';
import type { Cfg } from '../lib/components';
import { mb, round, timed } from '../lib/measure';
import { runTrigger, withoutRateLimits } from '../lib/runTrigger';
import { RemoteSimulator } from '../lib/simClient';

export const CR_WALL_GOAL = 3;
export const CR_REQUEST_GOAL = 2;
const PAGE_SIZE = 5000;
/** Timed runs of each kind; every figure is the best of them (a shared machine only ever adds time). */
const RUNS = 5;

export interface SyncFigures {
  requests: number;
  seconds: number;
  /** CPU seconds of this process (user + system): steadier than wall time on a busy machine. */
  cpuSeconds: number;
  /** Peak RSS sampled during the run, and its growth over the RSS at the start (MB); the highest of the runs. */
  peakRssMb: number;
  rssGrowthMb: number;
  /** Records parsed (baseline) or messages emitted (sync). */
  records: number;
  duplicates: number;
}

export interface CleverReachSyncResult {
  receivers: number;
  groups: number;
  multiGroupShare: number;
  /** Timed runs of each kind; seconds and CPU seconds are the lowest of them. */
  runs: number;
  baseline: SyncFigures;
  sync: SyncFigures;
  /** The same sync with `skipTransformation`: what the sync costs besides the mapping. */
  unmapped: SyncFigures;
  wallRatio: number;
  cpuRatio: number;
  requestRatio: number;
  unmappedWallRatio: number;
  unmappedCpuRatio: number;
  met: boolean;
}

export async function runCleverReachSync(receivers: number, multiGroupShare = 0.1, runs = RUNS): Promise<CleverReachSyncResult> {
  const options = { records: receivers, rateLimits: false, seed: 1, multiGroupShare };
  const sim = await RemoteSimulator.start('cleverreach', options);
  try {
    const cfg = sim.cfg;
    const trigger = (extra: Cfg) => withoutRateLimits(() => runTrigger('cleverreach', 'getReceiversPolling', { ...cfg, ...extra }, 0, true));
    // One untimed round of each first, so neither pays for JIT warm-up, connection set-up or the
    // token: the trigger's token is cached per credential from then on, the download reuses its own.
    const token = await login(cfg);
    await download(cfg, token);
    await trigger({});
    await trigger({ skipTransformation: true });
    let groups = 0;
    const baseline = await figures(runs, async () => {
      const result = await download(cfg, token);
      groups = result.groups;
      return { requests: result.requests, records: result.records, duplicates: 0 };
    });
    const ofSync = async (extra: Cfg) => {
      const run = await trigger(extra);
      return { requests: run.requests, records: run.self.data, duplicates: run.self.duplicates };
    };
    const sync = await figures(runs, () => ofSync({}));
    const unmapped = await figures(runs, () => ofSync({ skipTransformation: true }));
    const wallRatio = round(sync.seconds / baseline.seconds, 2);
    const requestRatio = round(sync.requests / baseline.requests, 2);
    return {
      receivers,
      groups,
      multiGroupShare,
      runs,
      baseline,
      sync,
      unmapped,
      wallRatio,
      cpuRatio: round(sync.cpuSeconds / baseline.cpuSeconds, 2),
      requestRatio,
      unmappedWallRatio: round(unmapped.seconds / baseline.seconds, 2),
      unmappedCpuRatio: round(unmapped.cpuSeconds / baseline.cpuSeconds, 2),
      met: wallRatio <= CR_WALL_GOAL && requestRatio <= CR_REQUEST_GOAL && sync.duplicates === 0 && sync.records === receivers,
    };
  } finally {
    await sim.stop();
  }
}

type Counts = Pick<SyncFigures, 'requests' | 'records' | 'duplicates'>;

/** `runs` timed runs of `fn`: the lowest wall and CPU time, the highest RSS, the counts of the last run (every run must agree). */
async function figures(runs: number, fn: () => Promise<Counts>): Promise<SyncFigures> {
  let best: SyncFigures | undefined;
  for (let i = 0; i < runs; i += 1) {
    const run = await sampled(fn);
    const counts = run.result;
    if (best && (best.requests !== counts.requests || best.records !== counts.records || best.duplicates !== counts.duplicates)) {
      throw new Error(`runs of one kind disagree: ${JSON.stringify(best)} vs ${JSON.stringify(counts)}`);
    }
    best = {
      ...counts,
      seconds: Math.min(best?.seconds ?? Infinity, round(run.ms / 1000, 3)),
      cpuSeconds: Math.min(best?.cpuSeconds ?? Infinity, run.cpuSeconds),
      peakRssMb: Math.max(best?.peakRssMb ?? 0, run.rss.peakRssMb),
      rssGrowthMb: Math.max(best?.rssGrowthMb ?? 0, run.rss.rssGrowthMb),
    };
  }
  if (!best) throw new Error('no timed run');
  return best;
}

/** Runs `fn`, sampling RSS every 5 ms, and counts its CPU time. */
async function sampled<T>(
  fn: () => Promise<T>,
): Promise<{ result: T; ms: number; cpuSeconds: number; rss: { peakRssMb: number; rssGrowthMb: number } }> {
  const start = process.memoryUsage.rss();
  const cpu = process.cpuUsage();
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);
  try {
    const { result, ms } = await timed(fn);
    peak = Math.max(peak, process.memoryUsage.rss());
    const used = process.cpuUsage(cpu);
    return { result, ms, cpuSeconds: round((used.user + used.system) / 1e6, 3), rss: { peakRssMb: mb(peak), rssGrowthMb: mb(peak - start) } };
  } finally {
    clearInterval(timer);
  }
}

async function login(cfg: Cfg): Promise<string> {
  const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: String(cfg.client_id), client_secret: String(cfg.client_secret) });
  const text = await send('POST', `${String(cfg.baseUrl)}/oauth/token.php`, { 'content-type': 'application/x-www-form-urlencoded' }, form.toString());
  return (JSON.parse(text) as { access_token: string }).access_token;
}

/** The download baseline: the groups, then every group's pages of 5000 (until a short one), parsed. */
async function download(cfg: Cfg, token: string): Promise<{ requests: number; records: number; groups: number }> {
  const base = String(cfg.baseUrl);
  let requests = 0;
  const call = async (method: string, path: string): Promise<unknown> => {
    requests += 1;
    const text = await send(method, `${base}${path}`, { authorization: `Bearer ${token}` });
    return text ? JSON.parse(text) : [];
  };
  const groups = (await call('GET', '/v3/groups.json')) as { id: number }[];
  let records = 0;
  for (const group of groups) {
    for (let page = 0; ; page += 1) {
      const query = new URLSearchParams({ page: String(page), pagesize: String(PAGE_SIZE), type: 'all', detail: '4', order_by: 'registered ASC' });
      const rows = (await call('GET', `/v3/groups.json/${group.id}/receivers?${query.toString()}`)) as unknown[];
      records += rows.length;
      if (rows.length < PAGE_SIZE) break;
    }
  }
  return { requests, records, groups: groups.length };
}

function send(method: string, url: string, headers: Record<string, string>, body?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if ((res.statusCode ?? 0) >= 300) reject(new Error(`baseline ${method} ${url}: HTTP ${res.statusCode}`));
        else resolve(text);
      });
      res.on('error', reject);
    });
    req.setTimeout(60_000, () => req.destroy(new Error(`baseline ${method} ${url}: timed out`)));
    req.on('error', reject);
    req.end(body);
  });
}
