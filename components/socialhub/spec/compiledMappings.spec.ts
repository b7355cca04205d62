import { Transformer } from '@oih-suite/kit';
import { expectCompiledLikeJsonata, MappingInput, rawRecords } from '@oih-suite/kit/testing';
import { consumerToPerson } from '../lib/mappings/consumerToPerson';
import { organizationToStore } from '../lib/mappings/organizationToStore';
import { personToConsumer } from '../lib/mappings/personToConsumer';
import { pointsRecordToMovement } from '../lib/mappings/pointsRecordToMovement';
import { storeToOrganization } from '../lib/mappings/storeToOrganization';
import { transactionToOrder } from '../lib/mappings/transactionToOrder';
import points from '../lib/triggers/getPointsRecordsPolling';
import transactions from '../lib/triggers/getTransactionsPolling';
import { startSimulator } from '../simulator';

const rows = (values: Iterable<Record<string, unknown>>): MappingInput[] =>
  [...values].map((data, i) => ({ data, metadata: { recordUid: `r${i}` } }));

/**
 * Issue 14: the built-in mappings run compiled; over every simulator record they say what jsonata
 * says, the trigger's native `$wallTimeToIso` binding included.
 */
describe('SocialHub built-in mappings compiled: identical to jsonata over every simulator record', function () {
  const inputs: Record<string, MappingInput[]> = {};
  this.timeout(180_000);

  before(async () => {
    const sim = await startSimulator({ records: 2000, seed: 14, rateLimits: false });
    try {
      const cfg = { ...sim.cfg, consumerCode: sim.main.consumerCode, accountCode: sim.main.accountCode };
      inputs.transactions = await rawRecords(transactions.process, cfg);
      inputs.points = await rawRecords(points.process, cfg);
      inputs.consumers = rows(sim.store.consumers.values());
    } finally {
      await sim.stop();
    }
    const mapped = async (expression: string, from: MappingInput[]): Promise<MappingInput[]> => {
      const transformer = new Transformer(expression, {});
      const out: MappingInput[] = [];
      for (const input of from)
        out.push({ data: (await transformer.apply({ metadata: { recordUid: 'x' }, data: input.data })).data, metadata: input.metadata });
      return out;
    };
    inputs.persons = await mapped(consumerToPerson, inputs.consumers);
    // The simulator keeps a store as upsertStore wrote it (its defaults under the body): Organizations of every shape, written.
    const organizations = rows(
      Array.from({ length: 600 }, (_, i) => ({
        name: i % 7 === 0 ? '' : `Store ${i}`,
        nickName: i % 3 === 0 ? undefined : `S${i}`,
        organizationCode: i % 2 === 0 ? `ORG-${i}` : undefined,
        parentOrganizationCode: i % 5 === 0 ? 'HQ' : undefined,
        type: [1, 99, undefined, 5][i % 4],
        storeStatus: [10, 20, undefined][i % 3],
      })),
    );
    const written = await mapped(organizationToStore, organizations);
    inputs.stores = rows(written.map((w, i) => ({ id: `ST${i + 1}`, type: 99, storeStatus: 10, ...(w.data as Record<string, unknown>) })));
    inputs.organizations = [...organizations, ...(await mapped(storeToOrganization, inputs.stores))];
  });

  const cases: [string, string, () => MappingInput[]][] = [
    ['transaction → order', transactionToOrder, () => inputs.transactions],
    ['points record → movement', pointsRecordToMovement, () => inputs.points],
    ['consumer → Person', consumerToPerson, () => inputs.consumers],
    ['store → Organization', storeToOrganization, () => inputs.stores],
    ['Person → consumer', personToConsumer, () => inputs.persons],
    ['Organization → store', organizationToStore, () => [...inputs.organizations, ...inputs.stores]],
  ];
  for (const [name, expression, from] of cases) {
    it(`${name}: compiled, identical on every record and awkward variants`, async () => {
      await expectCompiledLikeJsonata(expression, from());
    });
  }

  it('transaction → order with the trigger’s native $wallTimeToIso binding: identical', async () => {
    const wallTimeToIso = (t: unknown): unknown => (typeof t === 'string' ? `${t.replace(' ', 'T')}+08:00` : undefined);
    await expectCompiledLikeJsonata(transactionToOrder, inputs.transactions.slice(0, 300), { wallTimeToIso });
  });
});
