/**
 * Runtime cost: messages per second through the real sailor and RabbitMQ for one trigger,
 * against the same trigger in-process. Needs the runtime harness (test/runtime/harness) and the
 * packaged components (dist-packages/); without them the suite says so and is skipped.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../lib/components';

export interface RuntimeResult {
  provider: string;
  trigger: string;
  messages: number;
  inProcessPerSec: number;
  runtimePerSec: number;
  /** runtime time ÷ in-process time: how many times longer the same run takes in sailor (defaults). */
  overhead: number;
  /** The same with sailor's data emit limit lifted. */
  liftedPerSec: number;
  liftedOverhead: number;
  notes: string[];
}

export const HARNESS_DIR = path.join(ROOT, 'test', 'runtime', 'harness');
export const PACKAGES_DIR = path.join(ROOT, 'dist-packages');

/** Why the runtime benchmark cannot run here, or undefined when it can. */
export function runtimeUnavailable(): string | undefined {
  if (!fs.existsSync(HARNESS_DIR)) return `the runtime harness (${path.relative(ROOT, HARNESS_DIR)}) does not exist yet`;
  if (!fs.existsSync(PACKAGES_DIR)) return 'dist-packages/ is missing: run `node scripts/package-components.js` first';
  if (!fs.existsSync('/usr/lib/rabbitmq/bin/rabbitmq-server')) return 'RabbitMQ is not installed';
  return undefined;
}
