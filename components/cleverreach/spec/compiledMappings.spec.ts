import { expect } from 'chai';
import { Transformer } from '@oih-suite/kit';
import { expectCompiledLikeJsonata, MappingInput, rawRecords } from '@oih-suite/kit/testing';
import { personToReceiver } from '../lib/mappings/personToReceiver';
import { receiverToPerson } from '../lib/mappings/receiverToPerson';
import allGroups from '../lib/triggers/getReceiversPolling';
import { startSimulator } from '../simulator';

/** Issue 14: the built-in mappings run compiled; over every simulator record they say what jsonata says. */
describe('CleverReach built-in mappings compiled: identical to jsonata over every simulator record', function () {
  this.timeout(120_000);
  let receivers: MappingInput[] = [];
  const persons: MappingInput[] = [];

  before(async () => {
    const sim = await startSimulator({ records: 3000, seed: 14, rateLimits: false });
    try {
      receivers = await rawRecords(allGroups.process, sim.cfg);
    } finally {
      await sim.stop();
    }
    const toPerson = new Transformer(receiverToPerson, {});
    for (const r of receivers) persons.push({ data: (await toPerson.apply({ metadata: {}, data: r.data })).data });
  });

  it('receiver → Person: compiled, identical on every receiver and awkward variants', async () => {
    expect(receivers.length).to.be.greaterThan(2500);
    expect(new Transformer(receiverToPerson, {}).builtInFallbackReason).to.equal(undefined);
    await expectCompiledLikeJsonata(receiverToPerson, receivers);
  });

  it('Person → receiver: compiled, identical on every mapped receiver, variants, and raw receivers', async () => {
    expect(new Transformer(personToReceiver, {}).builtInFallbackReason).to.equal(undefined);
    await expectCompiledLikeJsonata(personToReceiver, [...persons, ...receivers.slice(0, 200)]);
  });
});
