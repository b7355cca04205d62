/**
 * `npm run bench -- --profile <provider> [--records N] [--skip-transformation]`: one sync of the provider's main trigger
 * under the V8 CPU profiler, then a summary of where the time went. The simulator runs in its own
 * process, so the profile holds only the connector side; idle time is time spent waiting on it.
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Provider } from './lib/components';
import { summarizeProfile } from './lib/cpuProfile';
import { renderTable } from './lib/table';

export async function profileMain(argv: string[], resultsDir: string): Promise<number> {
  const provider: Provider = argv[argv.indexOf('--profile') + 1];
  const recordsIndex = argv.indexOf('--records');
  const records = recordsIndex >= 0 ? Number(argv[recordsIndex + 1]) : 10_000;
  // The sync without its mapping: where the rest of the path spends its time.
  const skip = argv.includes('--skip-transformation');
  const dir = path.join(resultsDir, 'profiles');
  fs.mkdirSync(dir, { recursive: true });
  const name = `${provider}-${records}${skip ? '-unmapped' : ''}.cpuprofile`;
  fs.rmSync(path.join(dir, name), { force: true });
  await new Promise<void>((resolve, reject) => {
    const child = fork(path.join(__dirname, 'profileChild.js'), [provider, String(records), path.join(dir, name), ...(skip ? ['skip'] : [])], {
      stdio: 'inherit',
    });
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`profile run exited ${code}`))));
  });
  const summary = summarizeProfile(path.join(dir, name));
  console.log(
    `\nCPU profile of ${provider}, ${records} records${skip ? ', skipTransformation' : ''}: ${path.relative(process.cwd(), path.join(dir, name))} (${summary.totalMs} ms)`,
  );
  console.log(
    renderTable(
      'Self time by area',
      ['area', 'ms', '%'],
      summary.areas.map((a) => [a.area, a.ms, a.share]),
    ),
  );
  console.log(
    renderTable(
      'Top functions by self time',
      ['function', 'area', 'ms', '%'],
      summary.functions.map((f) => [f.fn, f.area, f.ms, f.share]),
    ),
  );
  return 0;
}
