/**
 * Transformation engine: the same mapping over the same messages, compiled once (the kit's
 * cache) versus compiled for every message, to show what the cache saves.
 */
import { compileExpression } from '@oih-suite/kit';
import { compileUncached } from '@oih-suite/kit/engine';
import type { CatalogEntry } from '../lib/catalog';
import { bestOf, perSecond, round, timed } from '../lib/measure';

export interface EngineResult {
  mapping: string;
  messages: number;
  compiledOncePerSec: number;
  compiledPerMessagePerSec: number;
  /** compiled once ÷ compiled per message. */
  speedup: number;
  /** One compilation, in microseconds. */
  compileMicros: number;
}

export async function runEngine(entry: CatalogEntry, messages: number, repeats = 3): Promise<EngineResult> {
  const { expression, inputs } = entry;
  const cachedLoop = async (n: number): Promise<void> => {
    for (let i = 0; i < n; i++) {
      const input = inputs[i % inputs.length];
      await compileExpression(expression, 'bench').evaluate(input.data, { metadata: input.metadata });
    }
  };
  const uncachedLoop = async (n: number): Promise<void> => {
    for (let i = 0; i < n; i++) {
      const input = inputs[i % inputs.length];
      await compileUncached(expression).evaluate(input.data, { metadata: input.metadata });
    }
  };
  // Warm both paths up so the JIT has settled before anything is timed.
  await cachedLoop(500);
  await uncachedLoop(500);
  const once = await bestOf(repeats, () => timed(() => cachedLoop(messages)));
  const perMessage = await bestOf(repeats, () => timed(() => uncachedLoop(messages)));
  const compileOnly = await bestOf(repeats, () =>
    timed(async () => {
      for (let i = 0; i < 2000; i++) compileUncached(expression);
    }),
  );
  return {
    mapping: entry.inputFrom === 'bench fixture' ? entry.mapping : `${entry.provider} ${entry.mapping}`,
    messages,
    compiledOncePerSec: perSecond(messages, once.ms),
    compiledPerMessagePerSec: perSecond(messages, perMessage.ms),
    speedup: round(perMessage.ms / once.ms, 1),
    compileMicros: round((compileOnly.ms * 1000) / 2000, 1),
  };
}
