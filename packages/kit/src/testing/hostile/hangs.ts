import { HostileContext } from './context';
import { expectScanSurvives } from './scan';

/** Short deadlines, so a hanging provider costs the suite seconds, not minutes. */
const QUICK = { requestTimeoutSeconds: 1, maxRetryWaitSeconds: 1 };

/** Every request has a deadline: a silent or dribbling server ends the run with an error that keeps the last good snapshot. */
export function describeHangCases(ctx: HostileContext): void {
  describe('hanging providers', () => {
    it('a server that never answers ends the run with an error; the next run emits every record exactly once', async () => {
      await expectScanSurvives(ctx, { ...ctx.cfg, ...QUICK, pageSize: 10 }, () =>
        ctx.sim.inject({ match: (req) => ctx.fixture.trigger.isPageRequest(req), after: 1, times: Infinity, hang: true }),
      );
    });

    it('a server dribbling a byte every 100 ms ends the run at the deadline; the next run emits every record exactly once', async () => {
      await expectScanSurvives(ctx, { ...ctx.cfg, ...QUICK, pageSize: 10 }, () =>
        ctx.sim.inject({ match: (req) => ctx.fixture.trigger.isPageRequest(req), after: 1, times: Infinity, dribble: { intervalMs: 100 } }),
      );
    });
  });
}
