import { expect } from 'chai';
import { Transformer } from '@oih-suite/kit';
import { timing } from '@oih-suite/kit/engine';
import { runProcess } from '@oih-suite/kit/testing';
import { personToReceiver } from '../lib/mappings/personToReceiver';
import { receiverToPerson } from '../lib/mappings/receiverToPerson';
import allGroups from '../lib/triggers/getReceiversPolling';
import { startSimulator } from '../simulator';
import { oldPersonToReceiver, oldReceiverToPerson } from './fixtures/oldMappings';

type Category = { name: string; label: string };
const apply = (t: Transformer, data: unknown) => t.apply({ metadata: {}, data }).then((m) => m.data as Record<string, unknown>);

/** The old output in the OIH category convention: `{name: kind, label: value}` → `{name: value, label: kind}`. */
function conventional(person: Record<string, unknown>): Record<string, unknown> {
  const categories = (person.categories as Category[]).map((c) => ({ name: c.label, label: c.name }));
  return { ...person, categories };
}

/**
 * Issue 14 rewrote the built-in mappings for speed and moved their categories to the OIH
 * convention; over every record the simulator serves, the new ones must say exactly what the old
 * ones said (categories turned around, nothing else).
 */
describe('built-in mappings, rewritten for speed, against the old ones (every simulator record)', function () {
  this.timeout(60_000);
  let records: unknown[] = [];

  before(async () => {
    const previous = timing.intervalScale;
    timing.intervalScale = 0;
    // The default seed and a second one: every kind of receiver the simulator makes, in 1, 2 or 3 groups.
    for (const seed of [1, 42]) {
      const sim = await startSimulator({ records: 1500, seed });
      try {
        const run = await runProcess(allGroups.process, {}, { ...sim.cfg, skipTransformation: true }, {});
        expect(run.error).to.equal(undefined);
        records = records.concat(run.self.data.map((m) => m.data));
      } finally {
        await sim.stop();
      }
    }
    timing.intervalScale = previous;
  });

  it('receiver → Person: identical output, categories in the OIH convention', async () => {
    const [oldT, newT] = [new Transformer(oldReceiverToPerson, {}), new Transformer(receiverToPerson, {})];
    expect(records.length).to.be.greaterThan(2500);
    for (const record of records) {
      const [before, after] = [await apply(oldT, record), await apply(newT, record)];
      expect(after, JSON.stringify(record)).to.deep.equal(conventional(before));
    }
  });

  it('Person → receiver: the new pair writes back exactly the receiver body the old pair wrote', async () => {
    const [oldIn, newIn] = [new Transformer(oldReceiverToPerson, {}), new Transformer(receiverToPerson, {})];
    const [oldOut, newOut] = [new Transformer(oldPersonToReceiver, {}), new Transformer(personToReceiver, {})];
    for (const record of records) {
      const before = await apply(oldOut, await apply(oldIn, record));
      const after = await apply(newOut, await apply(newIn, record));
      expect(after, JSON.stringify(record)).to.deep.equal(before);
    }
  });
});
