import { metrics } from '@oih-suite/kit/engine';
import { diagnose } from '../errors';
import { Progress } from '../output/progress';
import type { Ui } from '../output/ui';
import { runStep } from '../runner/runStep';
import { findComponent, findStep, loadProcess } from '../workspace';
import { newReport, skip, StepReport } from './report';

/** A message as the runtimes pass it between steps. */
export interface FlowMessage {
  metadata: Record<string, unknown>;
  data: Record<string, unknown>;
}

export interface TriggerRun {
  messages: FlowMessage[];
  snapshot: unknown;
  report: StepReport;
}

/**
 * Runs a polling trigger once, from the snapshot the previous demo run left, and collects what
 * it emits (the platform would put these on the next step's queue).
 */
export async function runTrigger(
  ui: Ui,
  title: string,
  component: string,
  trigger: string,
  cfg: Record<string, unknown>,
  snapshot: unknown,
): Promise<TriggerRun> {
  const report = { ...newReport(title), trigger: true };
  const processFn = loadProcess(findStep(findComponent(component), trigger));
  const messages: FlowMessage[] = [];
  let last: unknown = snapshot;
  ui.redactor.addFromConfig(cfg);
  const progress = new Progress(`  ${title}`).start();
  const outcome = await runStep({
    process: processFn,
    msg: { metadata: {}, data: {} },
    cfg,
    snapshot,
    onLog: (line) => ui.log(line),
    handlers: {
      data: (m) => void messages.push(m as FlowMessage),
      snapshot: (s) => void (last = s),
    },
  }).finally(() => progress.stop());
  report.read = outcome.counters.messages + outcome.counters.tombstones;
  // A trigger writes what it read into the flow (the platform's queue to the next step).
  report.wrote = messages.length;
  report.requests = outcome.counters.requests;
  report.durationMs = outcome.counters.durationMs;
  if (outcome.error) fail(report, outcome.error);
  return { messages, snapshot: last, report };
}

export interface ActionResult {
  input: FlowMessage;
  output?: FlowMessage;
  error?: unknown;
}

/**
 * Calls an action once per message, as the runtime does, a few at a time (sailor's prefetch).
 * A failed message does not stop the others: it is counted with the provider's reason.
 */
export async function runAction(
  ui: Ui,
  report: StepReport,
  component: string,
  action: string,
  cfg: Record<string, unknown>,
  inputs: FlowMessage[],
  concurrency = 4,
): Promise<ActionResult[]> {
  const processFn = loadProcess(findStep(findComponent(component), action));
  ui.redactor.addFromConfig(cfg);
  const before = metrics.toJSON();
  const started = Date.now();
  const results = new Array<ActionResult>(inputs.length);
  let next = 0;
  const progress = new Progress(`  ${report.step}`).start();
  const worker = async () => {
    while (next < inputs.length) {
      const index = next++;
      const outputs: FlowMessage[] = [];
      const outcome = await runStep({
        process: processFn,
        msg: inputs[index],
        cfg,
        onLog: (line) => ui.log(line),
        handlers: { data: (m) => void outputs.push(m as FlowMessage) },
      });
      results[index] = { input: inputs[index], output: outputs[0], error: outcome.error };
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  } finally {
    progress.stop();
  }
  for (const r of results) {
    if (r.error) skip(report, `failed: ${diagnose(r.error).message}`);
    else report.wrote += 1;
  }
  report.requests += metrics.requests - (before.requests ?? 0);
  report.durationMs += Date.now() - started;
  if (results.length > 0 && results.every((r) => r.error)) report.status = 'failed';
  return results;
}

export function fail(report: StepReport, error: unknown): void {
  report.status = 'failed';
  const d = diagnose(error);
  report.notes.push(d.hint ? `${d.message} (${d.hint})` : d.message);
}

/** A step that could not run, and why: the table says so instead of inventing data. */
export function skippedStep(title: string, why: string): StepReport {
  const report = newReport(title);
  report.status = 'skipped';
  report.notes.push(why);
  return report;
}
