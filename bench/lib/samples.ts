import type { Cfg, Provider } from './components';
import { runTrigger, withoutRateLimits } from './runTrigger';
import { stepCfg } from './profiles';
import { RemoteSimulator } from './simClient';

interface EmittedMessage {
  metadata?: Record<string, unknown>;
  data?: unknown;
  body?: unknown;
}

export interface Sample {
  metadata: Record<string, unknown>;
  data: Record<string, unknown>;
}

/**
 * Real records of a trigger, as its simulator serves them: `raw` with the mapping skipped (the
 * input of the built-in mapping), `mapped` with it applied. Tombstones are left out.
 */
export async function collectSamples(
  provider: Provider,
  trigger: string,
  count: number,
  cfg: Cfg = {},
): Promise<{ raw: Sample[]; mapped: Sample[] }> {
  const sim = await RemoteSimulator.start(provider, { records: count, rateLimits: false, seed: 7 });
  try {
    return await withoutRateLimits(async () => {
      const base = stepCfg(provider, trigger, sim, cfg);
      const raw = await runTrigger(provider, trigger, { ...base, skipTransformation: true }, count);
      const mapped = await runTrigger(provider, trigger, base, count);
      return { raw: toSamples(raw.self.samples), mapped: toSamples(mapped.self.samples) };
    });
  } finally {
    await sim.stop();
  }
}

function toSamples(messages: unknown[]): Sample[] {
  const out: Sample[] = [];
  for (const m of messages as EmittedMessage[]) {
    const data = (m.data ?? m.body) as Record<string, unknown> | undefined;
    if (!data || typeof data !== 'object') continue;
    if (Object.keys(data).length === 1 && 'deleteRequested' in data) continue;
    out.push({ metadata: { ...(m.metadata ?? {}) }, data });
  }
  return out;
}
