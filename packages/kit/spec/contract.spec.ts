/**
 * The trigger contract suite run against a reference provider, once per ordering and paging style.
 * If this fails, the engine or the suite is wrong, not a component.
 */
import { expect } from 'chai';
import { clearTokenCache } from '../src/http/auth';
import { describeTriggerContract, runProcess } from '../src/testing';
import type { AnyProcess } from '../src/testing';
import { CLIENT_ID, CLIENT_SECRET, ReferenceProvider } from './fixtures/referenceProvider';
import { ascendingLinks, ascendingOffset, unorderedScan } from './fixtures/referenceTriggers';

const triggers: [string, { process: AnyProcess }, string][] = [
  ['reference ascending (limit/offset)', ascendingOffset, '/changes'],
  ['reference ascending (next links)', ascendingLinks, '/changes'],
  ['reference unordered (page scan)', unorderedScan, '/records'],
];

for (const [title, trigger, listPath] of triggers) {
  describeTriggerContract(title, () => {
    const provider = new ReferenceProvider();
    return {
      trigger,
      pageSize: 10,
      start: async () => {
        clearTokenCache();
        const baseUrl = await provider.sim.start();
        return { cfg: { baseUrl, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }, sim: provider.sim };
      },
      stop: () => provider.sim.stop(),
      addRecords: (count, options) => provider.add(count, options?.sameTime),
      touchRecords: (ids) => provider.touch(ids),
      breakRecordId: (id, value) => provider.breakId(id, value),
      expireTokens: () => provider.tokens.expireAll(),
      isPageRequest: (req) => req.method === 'GET' && req.path === listPath,
    };
  });
}

describe('reference provider: what the contract relies on', () => {
  const provider = new ReferenceProvider();
  before(async () => {
    await provider.sim.start();
  });
  after(() => provider.sim.stop());

  it('emits tombstones for deleted records and the mapped record otherwise, and never the client secret', async () => {
    const ids = await provider.add(7);
    const cfg = { baseUrl: provider.sim.url, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, safetyLagSeconds: 0 };
    const { self, error } = await runProcess(ascendingOffset.process, {}, cfg, {});
    expect(error).to.equal(undefined);
    const last = self.data[6] as { metadata: unknown; data: Record<string, unknown> };
    expect(last.metadata).to.deep.equal({ recordUid: ids[6], applicationUid: 'reference' });
    expect(Object.keys(last.data)).to.deep.equal(['deleteRequested']);
    expect(self.data[0]).to.have.nested.property('data.id', ids[0]);
    expect(JSON.stringify(self.events)).not.to.include(CLIENT_SECRET);
  });
});
