import path from 'node:path';
import { timing } from '@oih-suite/kit/engine';
import { EXIT, ExitCode } from '../errors';
import { formatMs, wrap } from '../output/table';
import type { Ui } from '../output/ui';
import { repoRoot } from '../workspace';
import { applyChanges } from './changes';
import { runFlow } from './flow';
import { renderReport } from './report';
import { describeSimulators, startDemoSimulators } from './simulators';
import { DemoState } from './state';

/**
 * The kit's proactive throttles keep to each provider's real limits; with the simulators' rate
 * limits off the demo compresses their windows instead of pretending the limits are gone.
 */
const DEMO_INTERVAL_SCALE = 0.001;

export interface DemoOptions {
  reset?: boolean;
  stateDir?: string;
}

/** `npm start`: the four simulators, the flow, the report; the second run is incremental. */
export async function runDemo(options: DemoOptions, ui: Ui): Promise<ExitCode> {
  const started = Date.now();
  const stateDir = path.resolve(options.stateDir ?? path.join(repoRoot(), '.state', 'demo'));
  if (options.reset) DemoState.reset(stateDir);
  const state = new DemoState(stateDir);
  const run = state.data.runs + 1;
  const incremental = state.data.runs > 0;
  ui.out(
    `OIH connector demo · run #${run} · ${incremental ? `incremental: continues from the snapshots of run #${state.data.runs}` : 'first run: full sync'}`,
  );
  ui.out(`State: ${path.relative(process.cwd(), stateDir) || stateDir}${incremental ? ' (npm start -- --reset starts over)' : ''}`);

  timing.intervalScale = DEMO_INTERVAL_SCALE;
  const sims = await startDemoSimulators(ui, state.seedTime);
  ui.out('Simulators (in this process, seeded the same way every run; rate limits OFF and client throttles compressed');
  ui.out('so the demo takes seconds):');
  for (const line of describeSimulators(sims)) ui.out(line);
  try {
    if (incremental) {
      const changes = await applyChanges(sims);
      ui.out('');
      ui.out('Changed in the simulators since the last run (the simulators restart from their seed, so the demo re-applies');
      ui.out('its edits):');
      for (const line of changes) ui.out(wrap(`  - ${line}`, '    '));
    }
    ui.out('');
    ui.out('Flow:');
    const result = await runFlow(ui, sims, state);
    ui.out('');
    ui.out(renderReport(result.reports));
    for (const block of result.extra) {
      ui.out('');
      ui.out(block);
    }
    ui.out('');
    const failed = result.reports.filter((r) => r.status === 'failed');
    const skipped = result.reports.filter((r) => r.status === 'skipped');
    if (failed.length === 0) {
      state.commit(result.snapshots);
      if (incremental) {
        const triggers = result.reports.filter((r) => r.trigger && r.status === 'ok');
        const read = triggers.reduce((n, r) => n + r.read, 0);
        ui.out(
          wrap(
            read === 0
              ? `Incremental run: nothing new since run #${run - 1}.`
              : `Incremental run: the triggers read only the ${read} records changed since run #${run - 1} (${triggers.map((r) => `${r.step} ${r.read}`).join(', ')}), not the seeded thousands.`,
          ),
        );
      } else {
        ui.out('Snapshots saved: the next `npm start` is incremental (`npm start -- --reset` starts over).');
      }
    } else {
      ui.out(`Snapshots NOT saved: ${failed.map((r) => r.step).join(', ')} failed; the next run redoes this one.`);
    }
    if (skipped.length) ui.out(wrap(`Skipped steps: ${skipped.map((r) => `${r.step} (${r.notes.join('; ')})`).join(', ')}.`, '  '));
    ui.out(`Demo finished in ${formatMs(Date.now() - started)}.`);
    return failed.length ? EXIT.provider : EXIT.ok;
  } finally {
    await sims.stop();
  }
}
