import { expect } from 'chai';
import { ComponentUnderTest, packageFor } from '../harness/discovery';
import type { RuntimeFixture, SimulatorHandle } from '../harness/fixture';
import { cipher, openBus, records, runtimeEnv, stopAndSettle, waitForRun } from '../harness/context';
import type { Bus } from '../harness/bus';
import { RuntimeKind, StepRunner } from '../harness/runtimes';

/** One action step with its own simulator, bus and runtime process; everything stopped afterwards. */
async function withAction<Sim extends SimulatorHandle>(
  kind: RuntimeKind,
  component: ComponentUnderTest,
  f: RuntimeFixture<Sim>,
  options: { redeliverReboundsToInput?: boolean },
  run: (runner: StepRunner, sim: Sim, bus: Bus) => Promise<void>,
  /** After the graceful stop: everything the step emitted is in. */
  check: (runner: StepRunner, sim: Sim, bus: Bus) => void,
): Promise<void> {
  const sim = await f.startSimulator();
  try {
    const bus = await openBus(options);
    // maxRetryWaitSeconds: 1 makes a 429 storm outlast the retry budget at once.
    const config = { ...sim.cfg, ...f.action.fields(sim), maxRetryWaitSeconds: 1 };
    const runner = new StepRunner(kind, runtimeEnv(), bus, { packageDir: packageFor(kind, component), fn: f.action.id, config });
    const child = await runner.start();
    try {
      await run(runner, sim, bus);
    } finally {
      await stopAndSettle(child, bus);
    }
    check(runner, sim, bus);
  } finally {
    await sim.stop();
  }
}

export function describeAction(kind: RuntimeKind, component: ComponentUnderTest, fixture: () => RuntimeFixture): void {
  it(`${kind}: action with good input emits the record`, async function () {
    this.timeout(30_000);
    const f = fixture();
    await withAction(
      kind,
      component,
      f,
      {},
      async (runner, sim) => {
        runner.send(f.action.goodInput(sim));
        await waitForRun(runner, { data: 1 });
      },
      (runner, sim) => {
        expect(runner.errors()).to.deep.equal([]);
        const all = records(runner);
        expect(all).to.have.length(1);
        f.action.checkGood(all[0], sim);
      },
    );
  });

  it(`${kind}: action with bad input emits an error naming the field`, async function () {
    this.timeout(30_000);
    const f = fixture();
    let input: Record<string, unknown> = {};
    await withAction(
      kind,
      component,
      f,
      {},
      async (runner, sim) => {
        input = f.action.badInput(sim);
        runner.send(input);
        await waitForRun(runner, { errors: 1 });
      },
      (runner) => {
        expect(runner.data(), 'no data for bad input').to.deep.equal([]);
        const errors = runner.errors();
        expect(errors).to.have.length(1);
        // The kit's ConfigurationError reads "<field>: <problem>".
        expect(errors[0].message).to.include(`${f.action.badField}: `);
        const failed = cipher.decrypt<Record<string, unknown>>(errors[0].errorInput!);
        expect(JSON.stringify(failed), 'errorInput is the failed input').to.include(JSON.stringify(input));
      },
    );
  });

  it(`${kind}: action in a 429 storm rebounds, then succeeds when the storm is over`, async function () {
    this.timeout(40_000);
    const f = fixture();
    let input: Record<string, unknown> = {};
    await withAction(
      kind,
      component,
      f,
      { redeliverReboundsToInput: true },
      async (runner, sim, bus) => {
        sim.server.inject({
          match: f.action.stormMatch,
          times: Infinity,
          response: { status: 429, headers: { 'retry-after': '30' }, body: { error: 'Too Many Requests' } },
        });
        input = f.action.goodInput(sim);
        runner.send(input);
        await waitForRun(runner, { rebounds: 1 });
        const [rebound] = bus.out.rebound.messages;
        expect(rebound.properties.headers.reboundIteration).to.equal(1);
        expect(Number(rebound.properties.expiration)).to.equal(1000);
        const original = cipher.decrypt<Record<string, unknown>>(rebound.content);
        expect(JSON.stringify(original), 'the rebound carries the original input').to.include(JSON.stringify(input));
        expect(runner.data(), 'no data during the storm').to.deep.equal([]);
        expect(runner.errors(), 'no error during the storm').to.deep.equal([]);
        sim.server.clearFaults();
        // The platform re-delivers the rebound after its expiration; this time the provider answers.
        await waitForRun(runner, { data: 1 });
      },
      (runner, sim, bus) => {
        expect(runner.errors(), 'nothing lost to an error').to.deep.equal([]);
        expect(bus.out.rebound.messages, 'one rebound').to.have.length(1);
        const all = records(runner);
        expect(all, 'the re-delivered message produced its record once').to.have.length(1);
        f.action.checkGood(all[0], sim);
      },
    );
  });
}
