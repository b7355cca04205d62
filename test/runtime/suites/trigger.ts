import { expect } from 'chai';
import { ComponentUnderTest, packageFor } from '../harness/discovery';
import type { RuntimeFixture, SimulatorHandle } from '../harness/fixture';
import { openBus, records, runtimeEnv, stopAndSettle, waitForRun } from '../harness/context';
import { RuntimeKind, StepRunner } from '../harness/runtimes';

/**
 * The main polling trigger, run twice in two runtime processes: the platform stub keeps the
 * snapshot the first run published and hands it to the second, which must emit exactly what the
 * test changed in the simulator in between.
 */
export function describeTwoRuns(kind: RuntimeKind, component: ComponentUnderTest, fixture: () => RuntimeFixture): void {
  it(`${kind}: trigger runs twice; the second run emits only what changed`, async function () {
    this.timeout(60_000);
    const f = fixture();
    const sim: SimulatorHandle = await f.startSimulator();
    try {
      const bus = await openBus();
      const runner = new StepRunner(kind, runtimeEnv(), bus, {
        packageDir: packageFor(kind, component),
        fn: f.trigger.id,
        // The fixture changes records and polls at once: no safety lag (the contract suite covers it).
        config: { ...sim.cfg, ...f.trigger.fields(sim), safetyLagSeconds: 0 },
      });

      const first = await runner.start();
      runner.send({});
      await waitForRun(runner, { data: 1, snapshots: 1 });
      await stopAndSettle(first, bus);
      expect(runner.errors(), 'errors in run 1').to.deep.equal([]);
      const run1 = records(runner);
      f.trigger.checkFirstRun(run1, sim);
      // The runtime's component logger writes bunyan JSON: the kit's fields stay properties of the line.
      const done = first.lines.flatMap((line) => parseJson(line)).filter((entry) => entry.msg === 'Polling run complete');
      expect(done, `a structured "Polling run complete" line\n${first.tail(5)}`).to.have.length(1);
      expect(done[0]).to.include({ step: f.trigger.id });
      expect(Number(done[0].emitted) + Number(done[0].tombstones ?? 0), 'records and tombstones logged').to.equal(run1.length);
      expect(done[0].pages, 'pages read').to.be.a('number');
      const stored = runner.storeSnapshots();
      expect(stored, 'snapshot stored after run 1').to.have.property('lastUpdated').that.is.a('string');

      const changed = await f.trigger.change(sim, stored);
      expect(changed, 'the fixture must change something').to.not.be.empty;
      const snapshotsBefore = bus.out.snapshot.messages.length;
      const second = await runner.start();
      runner.send({});
      await waitForRun(runner, { data: run1.length + changed.length, snapshots: snapshotsBefore + 1 });
      await stopAndSettle(second, bus);
      expect(runner.errors(), 'errors in run 2').to.deep.equal([]);
      const run2 = records(runner, run1.length);
      expect(run2.map((r) => r.metadata.recordUid).sort(), 'run 2 emits exactly the changed records').to.deep.equal([...changed].sort());
      f.trigger.checkSecondRun(run2, sim);
      if (kind === 'ferryman') {
        // ferryman read the snapshot from the snapshots service, with the token's apiKey.
        const reads = runtimeEnv().platform.requests.filter((r) => r.path === `/snapshots/flows/${runner.flowId}/steps/${runner.stepId}`);
        expect(reads.length, 'snapshot reads').to.equal(2);
        expect(reads[1].authorization).to.equal(`Bearer ${runner.iamToken}`);
        expect(bus.out.state.messages.map((m): unknown => JSON.parse(m.content.toString('utf8')))).to.deep.equal([
          'function complete',
          'function complete',
        ]);
      }
    } finally {
      await sim.stop();
    }
  });
}

function parseJson(line: string): Record<string, unknown>[] {
  try {
    const value: unknown = JSON.parse(line);
    return value && typeof value === 'object' ? [value as Record<string, unknown>] : [];
  } catch {
    return [];
  }
}
