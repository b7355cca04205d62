/**
 * Every built-in mapping with input for it. A trigger's mapping gets the raw records its
 * simulator serves. An action's mapping (OIH record → provider) gets inputs synthesised from the
 * action's `in` schema. Any other mapping gets the mapped output of whichever trigger or action
 * mapping it fits best, judged by how many fields it fills in (at least three per record): the
 * mapping an upsert emits its result with reads what the upsert's own mapping produced.
 */
import { Transformer, compileExpression } from '@oih-suite/kit';
import type { Provider } from './components';
import { actionMappings, builtInMapping, loadMappings, loadTrigger, triggerNames } from './components';
import { collectSamples, Sample } from './samples';
import { sampleFromSchema } from './schemaSample';

export interface CatalogEntry {
  provider: Provider;
  mapping: string;
  expression: string;
  inputs: Sample[];
  /** Where the inputs came from, for the table. */
  inputFrom: string;
}

interface InputSet {
  label: string;
  samples: Sample[];
}

export interface Catalog {
  entries: CatalogEntry[];
  /** Mappings nothing could be found to feed. */
  unfed: string[];
  problems: string[];
}

export async function buildCatalog(providers: Provider[], sampleCount: number): Promise<Catalog> {
  const catalog: Catalog = { entries: [], unfed: [], problems: [] };
  for (const provider of providers) {
    const inputSets: InputSet[] = [];
    const byExpression = new Map<string, InputSet>();
    const collected = await collectSamples(provider, triggerNames(provider), sampleCount);
    catalog.problems.push(...collected.problems);
    for (const [trigger, samples] of collected.samples) {
      const mapping = builtInMapping(loadTrigger(provider, trigger));
      if (mapping) byExpression.set(mapping, { label: `${trigger} raw records`, samples: samples.raw });
      inputSets.push({ label: `${trigger} mapped output`, samples: samples.mapped });
    }
    for (const { action, mapping, inSchema } of actionMappings(provider)) {
      if (byExpression.has(mapping) || inSchema === undefined) continue;
      const samples = Array.from({ length: 50 }, (_, i) => ({
        metadata: { recordUid: String(i) },
        data: sampleFromSchema(inSchema, i) as Record<string, unknown>,
      }));
      byExpression.set(mapping, { label: `synthesised from ${action} in-schema`, samples });
      // What the action sends is what the provider keeps: the input of the mapping that reads it back.
      inputSets.push({ label: `${action} mapping output`, samples: await mapAll(mapping, samples) });
    }
    for (const m of loadMappings(provider)) {
      const direct = byExpression.get(m.expression);
      const chosen = direct ?? (await bestFit(m.expression, inputSets));
      if (!chosen || !chosen.samples.length) {
        catalog.unfed.push(`${provider} ${m.name}`);
        continue;
      }
      catalog.entries.push({
        provider,
        mapping: m.name,
        expression: m.expression,
        inputs: chosen.samples,
        inputFrom: direct ? chosen.label : `${chosen.label} (best fit)`,
      });
    }
  }
  return catalog;
}

/** The mapping's output for each sample, through the kit's Transformer (plain JSON; samples it rejects feed nothing). */
async function mapAll(expression: string, samples: Sample[]): Promise<Sample[]> {
  const transformer = new Transformer(expression, {});
  const out: Sample[] = [];
  for (const sample of samples) {
    try {
      const mapped = await transformer.apply<Record<string, unknown>>(sample);
      if (mapped.data && typeof mapped.data === 'object') out.push({ metadata: sample.metadata, data: mapped.data });
    } catch {
      // A sample the mapping rejects feeds nothing.
    }
  }
  return out;
}

async function bestFit(expression: string, sets: InputSet[]): Promise<InputSet | undefined> {
  let best: { set: InputSet; score: number } | undefined;
  for (const set of sets) {
    let score = 0;
    for (const sample of set.samples.slice(0, 5)) {
      try {
        score += countLeaves(await compileExpression(expression, 'bench').evaluate(sample.data, { metadata: sample.metadata }));
      } catch {
        score -= 100;
      }
    }
    // At least three filled fields per record on average, or it is not this mapping's input.
    if (score >= 15 && (!best || score > best.score)) best = { set, score };
  }
  return best?.set;
}

function countLeaves(value: unknown): number {
  if (value === undefined || value === null || value === '') return 0;
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + countLeaves(v), 0);
  if (typeof value === 'object') return Object.values(value as Record<string, unknown>).reduce((n: number, v) => n + countLeaves(v), 0);
  return 1;
}
