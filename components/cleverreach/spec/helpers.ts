import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { timing } from '@oih-suite/kit/engine';
import { TriggerContractFixture } from '@oih-suite/kit/testing';
import { CleverReachSimulator, SimGroup, nowSeconds, startSimulator } from '../simulator';

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);

/** Validates `data` against one of the component's schemas (as component.json names them). */
export function expectSchema(file: string, data: unknown): void {
  const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'lib', 'schemas', file), 'utf8')) as object;
  const validate = ajv.compile(schema);
  const ok = validate(data);
  expect(ok, `${file}: ${ajv.errorsText(validate.errors)} in ${JSON.stringify(data)}`).to.equal(true);
}

/** Waits for the next whole second: CleverReach stamps are seconds and the engine never reads the current one. */
export async function nextSecond(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 5));
}

export const GROUPS = ['Newsletter', 'Customers', 'Events'];

/**
 * The contract fixture on the simulator. Every third new receiver is also subscribed to a second
 * group (a second later or in the same second), so the all-groups trigger must de-duplicate.
 */
export function contractFixture(
  trigger: TriggerContractFixture['trigger'],
  options: { home?: string; extraCfg?: Record<string, unknown> } = {},
): TriggerContractFixture {
  let sim: CleverReachSimulator;
  let groups: SimGroup[] = [];
  let counter = 0;
  let previousIntervalScale = 1;
  return {
    trigger,
    async start() {
      // The proactive 10 requests/s throttle is real time; compress it so the suite stays fast.
      previousIntervalScale = timing.intervalScale;
      timing.intervalScale = 0.01;
      sim = await startSimulator();
      groups = GROUPS.map((name) => sim.store.addGroup(name));
      return { cfg: { ...sim.cfg, ...(options.extraCfg ?? {}) }, sim: sim.server };
    },
    async stop() {
      timing.intervalScale = previousIntervalScale;
      await sim.stop();
    },
    async addRecords(count) {
      const at = nowSeconds();
      const ids: string[] = [];
      for (let i = 0; i < count; i += 1) {
        counter += 1;
        const home = options.home ? groups.find((g) => g.name === options.home)! : groups[counter % groups.length];
        const receiver = sim.store.subscribe(home.id, { email: `r${counter}@example.com`, attributes: { firstname: `R${counter}` } }, at);
        if (counter % 3 === 0) {
          const other = groups.find((g) => g.id !== home.id)!;
          sim.store.subscribe(other.id, { email: receiver.email }, at);
        }
        ids.push(String(receiver.id));
      }
      await nextSecond();
      return ids;
    },
    touchRecords(ids) {
      const home = options.home ? groups.find((g) => g.name === options.home) : undefined;
      for (const id of ids) sim.store.touch(Number(id), nowSeconds(), home?.id);
    },
    breakRecordId(id, value) {
      sim.store.brokenIds.set(Number(id), value);
      sim.store.changed();
    },
    expireTokens: () => sim.expireTokens(),
    isPageRequest: (req) => req.method === 'GET' && /\/receivers$/.test(req.path) && !req.query.email_list,
  };
}
