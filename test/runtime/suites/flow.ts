import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { startSimulator as startCleverReach } from '../../../components/cleverreach/simulator';
import { startSimulator as startSocialHub } from '../../../components/socialhub/simulator';
import { ROOT } from '../harness/discovery';
import { openBus, records, runtimeEnv, stopAndSettle, waitForRun } from '../harness/context';
import { StepRunner } from '../harness/runtimes';

export const EXAMPLE_FLOW = path.join(ROOT, 'deploy/oih/cleverreach-to-socialhub.flow.json');

interface FlowNode {
  id: string;
  function: string;
  fields: Record<string, unknown>;
}

interface Flow {
  graph: { nodes: FlowNode[]; edges: { source: string; target: string }[] };
}

/**
 * The README's example OIH flow, run as OIH runs it: each node in its own ferryman process started
 * as its image starts it, the orchestrator's part played here (it forwards what the first step
 * publishes on the back channel to the second step's queue, with that step's token). Credentials
 * come from the simulators, as the secret service would add them to the flow's `fields`.
 */
export function describeExampleFlow(): void {
  it('the example OIH flow: CleverReach receivers arrive as SocialHub consumers, through two ferryman processes', async function () {
    this.timeout(60_000);
    const flow = JSON.parse(fs.readFileSync(EXAMPLE_FLOW, 'utf8')) as Flow;
    const [source, target] = flow.graph.nodes;
    expect(flow.graph.edges).to.deep.equal([{ id: 'cr-to-sh', source: source.id, target: target.id }]);
    const cleverreach = await startCleverReach({ records: 4, seed: 21 });
    const socialhub = await startSocialHub({ records: 0, seed: 22, rateLimits: false });
    try {
      const flowId = `flow-example-${Date.now()}`;
      const packageDir = (p: string): string => path.join(ROOT, 'dist-packages', `${p}-oih`);
      const first = new StepRunner('ferryman', runtimeEnv(), await openBus(), {
        packageDir: packageDir('cleverreach'),
        fn: source.function,
        config: { ...cleverreach.cfg, ...source.fields },
        flowId,
        stepId: source.id,
      });
      const second = new StepRunner('ferryman', runtimeEnv(), await openBus(), {
        packageDir: packageDir('socialhub'),
        fn: target.function,
        config: { ...socialhub.cfg, ...target.fields },
        flowId,
        stepId: target.id,
      });
      // The orchestrator: every record step 1 emits goes on to step 2 as an OIH message.
      first.bus.out.data.onMessage((message) => {
        const { metadata, data } = runtimeEnv().cipher.decrypt<{ metadata: Record<string, unknown>; data: Record<string, unknown> }>(message.content);
        second.send(data, metadata);
      });
      const receivers = [...cleverreach.store.receivers.values()];
      // SocialHub creates a consumer only with a mobile number: receivers without a phone must end
      // as an error that names the field, the others as consumers.
      const withPhone = receivers.filter((r) => !!r.global_attributes.phone);
      const withoutPhone = receivers.filter((r) => !r.global_attributes.phone);
      expect(withPhone, 'the seeded receivers include some with a phone').to.not.be.empty;
      expect(withoutPhone, 'the seeded receivers include some without a phone').to.not.be.empty;
      const [child1, child2] = await Promise.all([first.start(), second.start()]);
      first.send({});
      await waitForRun(first, { data: receivers.length, snapshots: 1 });
      await waitForRun(second, { data: withPhone.length, errors: withoutPhone.length });
      await stopAndSettle(child1, first.bus);
      await stopAndSettle(child2, second.bus);
      expect(first.errors(), 'errors of step 1').to.deep.equal([]);
      for (const error of second.errors()) expect(error.message).to.match(/^mobilePhone: is required/);
      expect(second.errors()).to.have.length(withoutPhone.length);

      // Each receiver with a phone became exactly one consumer, with what the OIH Person carried over.
      const consumers = [...socialhub.store.consumers.values()];
      for (const receiver of withPhone) {
        const matching = consumers.filter((c) => c.email === receiver.email);
        expect(matching, `one consumer for ${receiver.email}`).to.have.length(1);
        const name = `${String(receiver.global_attributes.firstname)} ${String(receiver.global_attributes.lastname)}`.trim();
        expect(matching[0]).to.include({ name, sourceCode: '10140001', organizationCode: 'ORG001' });
        expect(String(matching[0].mobilePhone)).to.equal(String(receiver.global_attributes.phone).replace(/^\+49/, '').replace(/\D/g, ''));
      }
      for (const receiver of withoutPhone) expect(consumers.some((c) => c.email === receiver.email)).to.equal(false);
      const upserted = records(second);
      expect(upserted.map((r) => r.metadata.applicationUid)).to.deep.equal(withPhone.map(() => 'socialhub'));
      expect(upserted.map((r) => r.metadata.recordUid).sort()).to.deep.equal(
        consumers
          .filter((c) => withPhone.some((r) => r.email === c.email))
          .map((c) => String(c.consumerCode))
          .sort(),
      );
    } finally {
      await cleverreach.stop();
      await socialhub.stop();
    }
  });
}
