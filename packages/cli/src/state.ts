import fs from 'node:fs';
import path from 'node:path';
import { readJsonObject } from './config';

/** Reads a snapshot file; a missing file is a first run (`{}`). */
export function readState(file: string | undefined): Record<string, unknown> {
  if (!file || !fs.existsSync(file)) return {};
  return readJsonObject(file, '--state');
}

/**
 * Writes a snapshot file atomically (temp file + rename), so an interrupted run never leaves a
 * half-written snapshot behind: the next run resumes from the last complete page.
 */
export function writeState(file: string, snapshot: unknown): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify(snapshot, null, 2)}\n`);
  fs.renameSync(temp, file);
}
