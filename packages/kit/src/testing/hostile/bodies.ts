import { expect } from 'chai';
import { HostileBody, hostileBodies, hugeJson } from '../../simulator/hostile';
import { HostileContext, runTrigger } from './context';
import { expectScanSurvives, settle } from './scan';

/** An empty 200, `null` and HTML mid-scan are cases of the trigger contract (every trigger); these are the rest. */
const KINDS: HostileBody[] = ['plainText', 'truncated'];

/** Unexpected bodies are the provider's failure (retried, then an error), never "no more data". */
export function describeBodyCases(ctx: HostileContext): void {
  describe('hostile bodies', () => {
    for (const kind of KINDS) {
      it(`a 200 with a ${kind} body mid-scan fails the run; the next run emits every record exactly once`, async () => {
        await expectScanSurvives(ctx, { ...ctx.cfg, pageSize: 10 }, () =>
          ctx.sim.inject({
            match: (req) => ctx.fixture.trigger.isPageRequest(req),
            after: 1,
            times: Infinity,
            response: () => hostileBodies[kind](),
          }),
        );
      });
    }

    it('an answer above maxResponseMB is refused with an error that says so', async () => {
      await ctx.fixture.trigger.addRecords(3);
      await settle();
      ctx.sim.inject({ match: (req) => ctx.fixture.trigger.isPageRequest(req), times: Infinity, response: () => hugeJson(2 * 1024 * 1024) });
      const outcome = await runTrigger(ctx, {}, { ...ctx.cfg, maxResponseMB: 1 });
      expect(ctx.sim.stats.faults, 'the fault was met').to.be.greaterThan(0);
      expect(outcome.error, 'the run must fail').to.be.instanceOf(Error);
      expect(outcome.error!.message).to.match(/too large|larger than|maxResponseMB/i);
      expect(outcome.self.data).to.deep.equal([]);
    });
  });
}
