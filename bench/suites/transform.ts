/**
 * Transform-only throughput of each built-in mapping: the kit's `Transformer` (compiled mapping,
 * evaluation, clean-up of the result) over real records, without any HTTP or emitting.
 */
import { Transformer, compileExpression } from '@oih-suite/kit';
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
  /** Whether the Transformer runs this mapping compiled (issue 14); else the reason it stays on jsonata. */
  evaluator: string;
  /** The same records through jsonata 2.x itself (evaluation only, no clean-up), msg per CPU second: the previous evaluator. */
  jsonataPerCpuSec: number;
}

async function cpuRate(messages: number, repeats: number, loop: (n: number) => Promise<void>): Promise<{ ms: number; cpuMs: number }> {
  await loop(500);
  return bestOf(repeats, async () => {
    const cpu = process.cpuUsage();
    const run = await timed(() => loop(messages));
    const used = process.cpuUsage(cpu);
    return { ...run, cpuMs: (used.user + used.system) / 1000 };
  });
}

export async function runTransform(entry: CatalogEntry, messages: number, repeats = 3): Promise<TransformResult> {
  const transformer = new Transformer(entry.expression, {}, entry.mapping);
  const inputs = entry.inputs.map((s) => ({ metadata: s.metadata, data: s.data }));
  const loop = async (n: number): Promise<void> => {
    for (let i = 0; i < n; i++) await transformer.apply(inputs[i % inputs.length]);
  };
  const best = await cpuRate(messages, repeats, loop);
  const jsonata = compileExpression(entry.expression, entry.mapping);
  const interpreted = await cpuRate(messages, repeats, async (n) => {
    for (let i = 0; i < n; i++) await jsonata.evaluate(inputs[i % inputs.length].data, { metadata: inputs[i % inputs.length].metadata });
  });
  return {
    provider: entry.provider,
    mapping: entry.mapping,
    inputFrom: entry.inputFrom,
    messages,
    perSec: perSecond(messages, best.ms),
    microsPerMessage: Math.round((best.ms * 1000) / messages),
    perCpuSec: perSecond(messages, best.cpuMs),
    evaluator: transformer.builtInFallbackReason ? `jsonata (${transformer.builtInFallbackReason})` : 'compiled',
    jsonataPerCpuSec: perSecond(messages, interpreted.cpuMs),
  };
}
