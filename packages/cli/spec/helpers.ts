import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const BIN = path.resolve(__dirname, '..', 'dist', 'bin.js');
export const COMPONENTS = path.resolve(__dirname, '..', '..', '..', 'components');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built CLI as a subprocess. Asynchronous on purpose: the simulators live in this test
 * process, and a synchronous spawn would block the event loop that answers the CLI's requests.
 */
export function cli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, timeout: 45_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const tempDirs: string[] = [];

/** A fresh folder under the system temp dir; all of them are removed after the run (root `after` hook below). */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oih-cli-spec-'));
  tempDirs.push(dir);
  return dir;
}

// A root-level hook (this file is loaded with the specs): no spec leaves its temp folders behind.
after(() => {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

export function writeJson(file: string, value: unknown): string {
  fs.writeFileSync(file, JSON.stringify(value));
  return file;
}

export function jsonLines(stdout: string): Record<string, unknown>[] {
  return stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

export function recordUids(messages: Record<string, unknown>[]): string[] {
  return messages.map((m) => String((m.metadata as Record<string, unknown>).recordUid));
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** True once the component's simulator is built (components land one by one). */
export function simulatorBuilt(provider: string): boolean {
  return fs.existsSync(path.join(COMPONENTS, provider, 'dist', 'simulator', 'index.js'));
}
