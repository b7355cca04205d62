/**
 * Child process entry for `--profile`: one throughput run with the V8 CPU profiler (the one
 * `node --cpu-prof` uses) running around the trigger run only, so simulator start-up and module
 * loading stay out of the figures. Writes the .cpuprofile to the path it is given.
 */
import fs from 'node:fs';
import { Session } from 'node:inspector';
import type { Provider } from './lib/components';
import { profileOf, resolveTrigger } from './lib/profiles';
import { runThroughput, warmUp } from './suites/throughput';

function post<T>(session: Session, method: string): Promise<T> {
  return new Promise((resolve, reject) => session.post(method, (error, result) => (error ? reject(error) : resolve(result as T))));
}

async function main(): Promise<void> {
  const [provider, recordsText, out, skip] = process.argv.slice(2) as [Provider, string, string, string | undefined];
  const profile = profileOf(provider);
  const trigger = resolveTrigger(provider, profile.mainTrigger);
  const cfg = { ...profile.cfg, ...(skip === 'skip' ? { skipTransformation: true } : {}) };
  await warmUp(provider, trigger, cfg);
  const session = new Session();
  session.connect();
  const around = async <T>(fn: () => Promise<T>): Promise<T> => {
    await post(session, 'Profiler.enable');
    await post(session, 'Profiler.start');
    try {
      return await fn();
    } finally {
      const { profile: cpuProfile } = await post<{ profile: unknown }>(session, 'Profiler.stop');
      fs.writeFileSync(out, JSON.stringify(cpuProfile));
    }
  };
  const result = await runThroughput(provider, trigger, Number(recordsText), cfg, around);
  console.log(
    `${result.provider} ${result.trigger}: ${result.messages} messages in ${result.seconds} s = ${result.perSec}/s (${result.requests} requests)`,
  );
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(error);
    process.exit(1);
  },
);
