/**
 * Transform-only throughput of each built-in mapping: the kit's `Transformer` (compiled mapping,
 * evaluation, clean-up of the result) over real records, without any HTTP or emitting.
 */
import { Transformer } from '@oih-suite/kit';
import type { CatalogEntry } from '../lib/catalog';
import { bestOf, perSecond, timed } from '../lib/measure';

export interface TransformResult {
  provider: string;
  mapping: string;
  inputFrom: string;
  messages: number;
  perSec: number;
  /** Mean microseconds per message. */
  microsPerMessage: number;
  /** Messages per CPU second of this process in the fastest run: steadier than wall time on a busy machine. */
  perCpuSec: number;
}

export async function runTransform(entry: CatalogEntry, messages: number, repeats = 3): Promise<TransformResult> {
  const transformer = new Transformer(entry.expression, {}, entry.mapping);
  const inputs = entry.inputs.map((s) => ({ metadata: s.metadata, data: s.data }));
  const loop = async (n: number): Promise<void> => {
    for (let i = 0; i < n; i++) await transformer.apply(inputs[i % inputs.length]);
  };
  await loop(500);
  const best = await bestOf(repeats, async () => {
    const cpu = process.cpuUsage();
    const run = await timed(() => loop(messages));
    const used = process.cpuUsage(cpu);
    return { ...run, cpuMs: (used.user + used.system) / 1000 };
  });
  return {
    provider: entry.provider,
    mapping: entry.mapping,
    inputFrom: entry.inputFrom,
    messages,
    perSec: perSecond(messages, best.ms),
    microsPerMessage: Math.round((best.ms * 1000) / messages),
    perCpuSec: perSecond(messages, best.cpuMs),
  };
}
