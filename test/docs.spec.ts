// The README's "Try a component locally" and every component README's "Quick start" run here as
// printed (parsed out of the files, so the docs cannot drift): each command must exit 0, and each
// `run ... --json` must emit records. Runs after the build (`npm test` builds first).
import { ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';

const ROOT = path.resolve(__dirname, '..');
/** Set-up lines the suite has already done (`npm test` installs and builds before the specs). */
const SETUP = /^npm (ci|run build)\b/;

interface DocBlock {
  file: string;
  commands: string[];
}

/** The first ```sh block under `heading`, one command per line, trailing `# comments` removed. */
export function commandsUnder(file: string, heading: string): DocBlock {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const at = text.indexOf(`\n${heading}\n`);
  if (at < 0) throw new Error(`${file} has no "${heading}" section`);
  const block = /```sh\n([^]*?)```/.exec(text.slice(at));
  if (!block) throw new Error(`${file}: no \`\`\`sh block under "${heading}"`);
  const commands = block[1]
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => line && !line.startsWith('#'));
  return { file, commands };
}

/**
 * The commands run as a user runs them: no OIH_* settings of the test process, and no coverage
 * collection: at real speed against rate-limited simulators, which code paths run depends on
 * timing, and c8 would report different totals from run to run. NODE_V8_COVERAGE is set empty,
 * not left out: Node copies the parent's value into a child's environment that lacks the key.
 */
function env(): NodeJS.ProcessEnv {
  const dropped = (key: string) => key.startsWith('OIH_CFG_') || key === 'OIH_MESSAGE_FORMAT';
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !dropped(key)));
  return { ...clean, NODE_V8_COVERAGE: '', npm_config_offline: 'true', npm_config_update_notifier: 'false' };
}

function shell(command: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('bash', ['-c', command], { cwd: ROOT, env: env(), timeout: 90_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

/** A `command &` line: started in its own process group, ready once it printed how to stop it. */
async function background(command: string): Promise<ChildProcess> {
  const child = spawn('bash', ['-c', `exec ${command}`], { cwd: ROOT, env: env(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const started = Date.now();
  while (!/Stop it with Ctrl-C/.test(output)) {
    if (child.exitCode !== null) throw new Error(`${command} exited (${child.exitCode}):\n${output}`);
    if (Date.now() - started > 30_000) throw new Error(`${command} did not get ready:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return child;
}

async function stop(child: ChildProcess): Promise<void> {
  // Ended already (by itself, or by a signal: then exitCode stays null and signalCode says which).
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid, 'SIGTERM');
  await exited;
}

const blocks = [
  commandsUnder('README.md', '## Try a component locally'),
  ...fs
    .readdirSync(path.join(ROOT, 'components'))
    .filter((p) => fs.existsSync(path.join(ROOT, 'components', p, 'component.json')))
    .sort()
    .map((p) => commandsUnder(`components/${p}/README.md`, '## Quick start')),
];

describe('docs: the README commands work as printed', function () {
  const dirs: string[] = [];
  after(() => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const block of blocks) {
    it(`${block.file}: every command exits 0 and each run emits records`, async function () {
      this.timeout(180_000);
      // The files the commands write go to a private folder instead of /tmp itself (runs in parallel must not collide).
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oih-docs-spec-'));
      dirs.push(dir);
      const jobs: ChildProcess[] = [];
      try {
        for (const printed of block.commands) {
          if (SETUP.test(printed)) continue;
          const command = printed.replaceAll('/tmp/', `${dir}/`);
          const job = /^kill %(\d+)$/.exec(command);
          if (job) {
            const child = jobs[Number(job[1]) - 1];
            expect(child, `${printed}: no such background job`).to.not.equal(undefined);
            await stop(child);
            continue;
          }
          if (command.endsWith('&')) {
            jobs.push(await background(command.slice(0, -1).trim()));
            continue;
          }
          const result = await shell(command);
          expect(result.code, `${printed}\n${result.stderr}`).to.equal(0);
          if (/ run /.test(command) && command.includes('--json')) {
            const records = result.stdout
              .split('\n')
              .filter((line) => line.trim())
              .map((line) => JSON.parse(line) as { metadata?: unknown; data?: unknown });
            expect(records.length, `${printed} emits records`).to.be.greaterThan(0);
            for (const record of records) expect(record).to.include.keys('metadata', 'data');
          }
        }
        expect(block.commands.filter((c) => c.endsWith('&')).length, 'every simulator started is stopped (kill %N)').to.equal(
          block.commands.filter((c) => /^kill %\d+$/.test(c)).length,
        );
      } finally {
        for (const child of jobs) await stop(child);
      }
    });
  }
});
