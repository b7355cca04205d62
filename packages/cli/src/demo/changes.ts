import type { RunningSimulator } from '../simulators';
import type { DemoSimulators } from './simulators';

/**
 * What "changed in between": the simulators restart from the same seed every run, so before an
 * incremental run the demo edits a few records through the simulators' store controls. Stamped
 * now, they are exactly what the incremental triggers must pick up (and nothing else).
 */
export async function applyChanges(sims: DemoSimulators): Promise<string[]> {
  const lines: string[] = [];
  if (sims.running.cleverreach) lines.push(...changeCleverReach(sims.running.cleverreach));
  if (lines.length === 0) lines.push('nothing (no simulator with store controls is running)');
  await waitForNextSecond();
  return lines;
}

interface CleverReachStoreControls {
  receivers: Map<number, { email: string }>;
  deactivate(receiverId: number): void;
  touch(receiverId: number): void;
}

function changeCleverReach(sim: RunningSimulator): string[] {
  const store = sim.store as CleverReachStoreControls | undefined;
  if (!store || typeof store.deactivate !== 'function') return ['CleverReach: no store controls, nothing changed'];
  const [first, second, third] = [...store.receivers.keys()].slice(10, 13);
  store.deactivate(first);
  store.deactivate(second);
  store.touch(third);
  return [`CleverReach: receivers ${first} and ${second} unsubscribed, receiver ${third} edited`];
}

/** Providers stamp in whole seconds and triggers read up to the last complete second. */
async function waitForNextSecond(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 50));
}
