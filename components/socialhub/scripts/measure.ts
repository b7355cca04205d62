/**
 * Measures one full poll of each trigger against the simulator (rate limits on): requests,
 * messages and wall time. Run: TS_NODE_TRANSPILE_ONLY=true npx ts-node components/socialhub/scripts/measure.ts [records]
 */
import { runProcess, AnyProcess } from '@oih-suite/kit/testing';
import { startSimulator } from '../simulator';

async function main(): Promise<void> {
  const records = Number(process.argv[2] ?? 1000);
  for (const [id, field] of [
    ['getPointsRecordsPolling', 'accountCode'],
    ['getTransactionsPolling', 'consumerCode'],
  ] as const) {
    const sim = await startSimulator({ records, seed: 1 });
    const trigger = require(`../lib/triggers/${id}`) as { process: AnyProcess };
    const cfg = { ...sim.cfg, [field]: field === 'accountCode' ? sim.main.accountCode : sim.main.consumerCode, pageSize: 100 };
    const started = Date.now();
    const outcome = await runProcess(trigger.process, {}, cfg, {});
    const ms = Date.now() - started;
    console.log(
      JSON.stringify({
        trigger: id,
        records,
        emitted: outcome.self.data.length,
        requests: sim.server.stats.requests,
        rateLimited: sim.server.stats.rateLimited,
        ms,
        error: outcome.error?.message,
      }),
    );
    await sim.stop();
  }
}

void main();
