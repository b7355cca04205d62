import { readJsonObject } from '../config';
import { EXIT, ExitCode } from '../errors';
import { MessageRows } from '../output/messages';
import { Progress } from '../output/progress';
import { renderSummary } from '../output/summary';
import type { Ui } from '../output/ui';
import { runStep } from '../runner/runStep';
import { readState, writeState } from '../state';
import { findComponent, findStep, loadProcess } from '../workspace';
import { credentialFieldNames, prepareConfig } from './shared';

export interface RunOptions {
  cfg?: string;
  input?: string;
  state?: string;
  limit?: number;
  json?: boolean;
  format?: 'oih' | 'elasticio';
}

/** The message a trigger gets on each tick (sailor sends an empty one). */
const TICK = { metadata: {}, data: {} };

export async function runCommand(componentName: string, stepName: string, options: RunOptions, ui: Ui): Promise<ExitCode> {
  const component = findComponent(componentName);
  const step = findStep(component, stepName);
  if (options.format) process.env.OIH_MESSAGE_FORMAT = options.format;
  const cfg = prepareConfig(options.cfg, credentialFieldNames(component, step), ui, component);
  const msg = options.input ? readJsonObject(options.input, '--input') : TICK;
  if (step.kind === 'action' && !options.input) ui.err('Note: no --input given; the action gets an empty message.');
  const snapshot = readState(options.state);
  const resumed = Object.keys(snapshot).length > 0;
  const processFn = loadProcess(step);

  const rows = new MessageRows((line) => ui.out(line));
  const errors: string[] = [];
  const progress = new Progress(`${component.id} ${step.name}`).start();
  if (!options.json) ui.out(`${component.id} · ${step.kind} ${step.name}${resumed ? ` · resuming from ${options.state}` : ''}`);
  const outcome = await runStep({
    process: processFn,
    msg,
    cfg,
    snapshot,
    limit: options.limit,
    onLog: (line) => ui.log(line),
    handlers: {
      data: (message) => {
        progress.clear();
        if (options.json) ui.out(JSON.stringify(ui.redactor.value(message)));
        else rows.add(ui.redactor.value(message));
      },
      snapshot: (s) => {
        if (options.state) writeState(options.state, s);
      },
      error: (error) => {
        errors.push(error instanceof Error ? error.message : JSON.stringify(error));
      },
    },
  }).finally(() => progress.stop());

  // A thrown error is the run's error too (metrics count only emitted `error` messages).
  const c = { ...outcome.counters, errors: outcome.counters.errors + (outcome.error ? 1 : 0) };
  const notes: string[] = [];
  if (outcome.limited) notes.push(`Stopped at --limit ${options.limit}.`);
  if (options.state) notes.push(`State: ${options.state}${outcome.lastSnapshot === undefined ? ' (unchanged: no snapshot emitted)' : ''}`);
  if (resumed && c.messages + c.tombstones === 0 && !outcome.error) notes.push('Nothing new since the last run.');
  for (const e of errors) notes.push(`Error message emitted: ${e}`);
  // With --json stdout holds only messages; the summary goes to stderr.
  const summary = renderSummary(c, notes);
  if (options.json) ui.err(summary);
  else ui.out(summary);
  if (outcome.error) return ui.fail(outcome.error);
  return errors.length ? EXIT.provider : EXIT.ok;
}
