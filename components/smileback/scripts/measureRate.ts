/**
 * Measures how fully a large initial sync of reviews uses the 30 requests/minute budget against
 * the simulator, with the window compressed on both sides:
 *   TS_NODE_TRANSPILE_ONLY=true npx ts-node components/smileback/scripts/measureRate.ts [intervalScale=0.1] [reviews=15000] [map]
 * Without "map" the records skip the JSONata mapping, so the throttle, not the CPU, sets the pace.
 */
import { resetSharedThrottles, timing } from '@oih-suite/kit/engine';
import { runProcess } from '@oih-suite/kit/testing';
import trigger from '../lib/triggers/getReviewsPolling';
import { startSimulator } from '../simulator';

async function main(): Promise<void> {
  const scale = Number(process.argv[2] ?? 0.1);
  const records = Number(process.argv[3] ?? 15_000);
  const skipTransformation = process.argv[4] !== 'map';
  timing.intervalScale = scale;
  resetSharedThrottles();
  const sim = await startSimulator({ records, seed: 1, intervalScale: scale });
  const stamps: number[] = [];
  sim.server.inject({
    times: Infinity,
    match: (req) => {
      if (req.path.includes('/v3/')) stamps.push(Date.now());
      return false;
    },
  });
  const started = Date.now();
  const outcome = await runProcess(trigger.process, {}, { ...sim.cfg, pageSize: 100, includeUnrated: true, skipTransformation }, {});
  const windowMs = 60_000 * scale;
  const perWindow: number[] = [];
  for (let start = stamps[0]; start + windowMs <= stamps[stamps.length - 1] + 1; start += windowMs) {
    perWindow.push(stamps.filter((t) => t >= start && t < start + windowMs).length);
  }
  // After the first burst of 30 the pace is the throttle's: requests per window from then on.
  const steady = stamps.length > 30 ? (stamps.length - 30) / ((stamps[stamps.length - 1] - stamps[29]) / windowMs) : undefined;
  console.log(
    JSON.stringify({
      intervalScale: scale,
      windowMs,
      skipTransformation,
      error: outcome.error?.message,
      emitted: outcome.self.data.length,
      requests: stamps.length,
      rateLimited: sim.server.stats.rateLimited,
      elapsedMs: Date.now() - started,
      requestsPerWindow: perWindow,
      steadyRequestsPerMinute: steady === undefined ? null : Math.round(steady * 100) / 100,
    }),
  );
  await sim.stop();
}

void main();
