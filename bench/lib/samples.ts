import type { Provider } from './components';
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
 * Real records of each trigger, as one simulator serves them: `raw` with the mapping skipped (the
 * input of the built-in mapping), `mapped` with it applied. Tombstones are left out. A trigger
 * that fails is reported in `problems`.
 */
export async function collectSamples(
  provider: Provider,
  triggers: string[],
  count: number,
): Promise<{ samples: Map<string, { raw: Sample[]; mapped: Sample[] }>; problems: string[] }> {
  const sim = await RemoteSimulator.start(provider, { records: count, rateLimits: false, seed: 7 });
  const samples = new Map<string, { raw: Sample[]; mapped: Sample[] }>();
  const problems: string[] = [];
  try {
    await withoutRateLimits(async () => {
      for (const trigger of triggers) {
        try {
          const base = stepCfg(provider, trigger, sim);
          const raw = await runTrigger(provider, trigger, { ...base, skipTransformation: true }, count);
          const mapped = await runTrigger(provider, trigger, base, count);
          samples.set(trigger, { raw: toSamples(raw.self.samples), mapped: toSamples(mapped.self.samples) });
        } catch (error) {
          problems.push(`${provider} ${trigger}: ${(error as Error).message}`);
        }
      }
    });
  } finally {
    await sim.stop();
  }
  return { samples, problems };
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
