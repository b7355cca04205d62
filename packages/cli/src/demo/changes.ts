import type { DemoSimulators } from './simulators';

/**
 * What "changed in between": the simulators restart from the same seed every run, so before an
 * incremental run the demo edits a few records through the simulators' store controls. Stamped
 * now, they are exactly what the incremental triggers must pick up (and nothing else).
 */
export async function applyChanges(_sims: DemoSimulators): Promise<string[]> {
  const lines: string[] = [];
  if (lines.length === 0) lines.push('nothing (no simulator with store controls is running)');
  await waitForNextSecond();
  return lines;
}

/** Providers stamp in whole seconds and triggers read up to the last complete second. */
async function waitForNextSecond(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 50));
}
