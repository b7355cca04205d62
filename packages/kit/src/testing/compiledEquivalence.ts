/**
 * Proof that a built-in mapping's compiled form (transform/compiled) says exactly what jsonata says:
 * both results after the Transformer's clean-up, or both an error with the same code, over real
 * records and awkward variants of them (fields missing, null, empty, blank, of the wrong type).
 */
import { isDeepStrictEqual } from 'node:util';
import { expect } from 'chai';
import jsonata from 'jsonata';
import { compileMapping, NeedsInterpreter } from '../transform/compiled';
import { toPlainJson } from '../transform/transformer';
import { timing } from '../util/timing';
import { AnyProcess, runProcess } from './recorder';

export interface MappingInput {
  data: unknown;
  metadata?: Record<string, unknown>;
}

export interface EquivalenceReport {
  compared: number;
  /** Records the compiled form handed to jsonata (NeedsInterpreter): equal by construction. */
  handedOver: number;
  /** Records both evaluators rejected. */
  bothFailed: number;
  mismatches: string[];
}

type Outcome = { value: unknown } | { code: string };

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : `thrown ${String(error)}`;
}

export async function compareWithJsonata(
  expression: string,
  inputs: MappingInput[],
  bindings: Record<string, unknown> = {},
): Promise<EquivalenceReport> {
  const reference = jsonata(expression);
  const compiled = compileMapping(expression);
  const report: EquivalenceReport = { compared: 0, handedOver: 0, bothFailed: 0, mismatches: [] };
  for (const input of inputs) {
    const scope = { ...bindings, metadata: input.metadata ?? {} };
    let expected: Outcome;
    try {
      expected = { value: toPlainJson(await reference.evaluate(input.data, scope)) };
    } catch (error) {
      expected = { code: codeOf(error) };
    }
    let actual: Outcome;
    try {
      actual = { value: compiled.evaluateJson(input.data, scope)?.json };
      const copied = toPlainJson(compiled.evaluate(input.data, scope));
      // The Transformer emits evaluateJson's value, uncopied when built plain: it must be what the copy would be.
      if (!isDeepStrictEqual(actual.value, copied) || JSON.stringify(actual.value) !== JSON.stringify(copied))
        report.mismatches.push(`input ${JSON.stringify(input.data)}\n  evaluateJson differs from toPlainJson(evaluate)`);
    } catch (error) {
      if (error instanceof NeedsInterpreter) {
        report.handedOver += 1;
        continue;
      }
      actual = { code: codeOf(error) };
    }
    report.compared += 1;
    if ('code' in expected && 'code' in actual && expected.code === actual.code) report.bothFailed += 1;
    else if (!isDeepStrictEqual(expected, actual) && report.mismatches.length < 5)
      report.mismatches.push(`input ${JSON.stringify(input.data)}\n  jsonata:  ${JSON.stringify(expected)}\n  compiled: ${JSON.stringify(actual)}`);
    else if (!isDeepStrictEqual(expected, actual)) report.mismatches.push('(more)');
  }
  return report;
}

/** One expression over the inputs: compiled and jsonata agree on every one (compared, or handed over to jsonata). */
export async function expectAgreement(expression: string, inputs: MappingInput[], bindings: Record<string, unknown> = {}): Promise<void> {
  const report = await compareWithJsonata(expression, inputs, bindings);
  expect(report.mismatches, `${expression}\n${report.mismatches.join('\n')}`).to.deep.equal([]);
  expect(report.compared + report.handedOver, `${expression}: records compared or handed over`).to.equal(inputs.length);
}

const AWKWARD: ((value: unknown) => unknown)[] = [
  () => undefined,
  () => null,
  () => '',
  () => '   ',
  () => 42,
  () => 2.5,
  () => 'text',
  () => true,
  () => ({}),
  () => [],
  (value) => [value],
  (value) => ({ value }),
];

/** Each field of the record (and of its nested objects and list items) replaced by each awkward value in turn, plus every value nulled. */
export function awkwardVariants(record: unknown): unknown[] {
  const variants: unknown[] = [];
  const visit = (node: unknown, replace: (value: unknown) => unknown, depth: number): void => {
    if (depth > 2 || typeof node !== 'object' || node === null) return;
    const entries: [string | number, unknown][] = Array.isArray(node) ? node.slice(0, 2).map((v, i) => [i, v]) : Object.entries(node);
    for (const [key, value] of entries) {
      const swap = (next: unknown): unknown => {
        const copy = (Array.isArray(node) ? [...(node as unknown[])] : { ...(node as Record<string, unknown>) }) as Record<string | number, unknown>;
        if (next === undefined && !Array.isArray(node)) delete copy[key];
        else copy[key] = next;
        return replace(copy);
      };
      for (const make of AWKWARD) variants.push(swap(make(value)));
      visit(value, swap, depth + 1);
    }
  };
  visit(record, (value) => value, 0);
  variants.push(nullLeaves(record));
  return variants;
}

function nullLeaves(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(nullLeaves);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, nullLeaves(v)]));
  return null;
}

/** The records a trigger emits with its mapping skipped (the mapping's real input), rate-limit waits off. */
export async function rawRecords(process: AnyProcess, cfg: Record<string, unknown>): Promise<MappingInput[]> {
  const previous = timing.intervalScale;
  timing.intervalScale = 0;
  try {
    const run = await runProcess(process, {}, { safetyLagSeconds: 0, ...cfg, skipTransformation: true }, {});
    if (run.error) throw run.error;
    return run.self.data.map((m) => ({ data: m.data, metadata: m.metadata as Record<string, unknown> }));
  } finally {
    timing.intervalScale = previous;
  }
}

/**
 * The whole proof for one mapping: it compiles (no jsonata fallback), and over the inputs plus
 * awkward variants of the first 40 of them, compiled and jsonata agree on every record.
 */
export async function expectCompiledLikeJsonata(
  expression: string,
  inputs: MappingInput[],
  bindings: Record<string, unknown> = {},
): Promise<EquivalenceReport> {
  compileMapping(expression); // throws UnsupportedExpression, naming what is missing
  const variants = inputs.slice(0, 40).flatMap((input) => awkwardVariants(input.data).map((data) => ({ data, metadata: input.metadata })));
  const report = await compareWithJsonata(expression, [...inputs, ...variants], bindings);
  expect(report.mismatches, report.mismatches.join('\n')).to.deep.equal([]);
  expect(report.compared, 'records compared').to.be.greaterThan(inputs.length);
  return report;
}
