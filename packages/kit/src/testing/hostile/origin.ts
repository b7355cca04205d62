import { expect } from 'chai';
import { redirectTo, startCatcher } from '../../simulator/hostile';
import type { SimulatorServer } from '../../simulator/server';
import { runProcess } from '../recorder';
import { HostileContext, TICK, runTrigger } from './context';
import type { HostileProviderFixture } from './fixture';
import { configSecrets, credentialsSent, everythingSaid, leakedForms } from './output';
import { settle } from './scan';

/** Credentials stay with their origin: redirects and links to another host never carry them. */
export function describeOriginCases(ctx: HostileContext, fixture: HostileProviderFixture): void {
  describe('credentials and other origins', () => {
    let catcher: SimulatorServer;
    beforeEach(async () => {
      catcher = await startCatcher();
    });
    afterEach(() => catcher.stop());

    /** Nothing secret reached the catcher: no configured secret, no token the run obtained, in any encoding. */
    const expectNothingCaught = () => {
      const secrets = [...configSecrets(ctx.cfg), ...credentialsSent(ctx.sim.requests)];
      expect(credentialsSent(catcher.requests), 'credentials sent to another origin').to.deep.equal([]);
      expect(leakedForms(JSON.stringify(catcher.requests), secrets, ctx.cfg), 'secrets sent to another origin').to.deep.equal([]);
    };

    if (fixture.isTokenRequest) {
      const isToken = fixture.isTokenRequest;
      for (const status of [307, 308] as const) {
        it(`the token endpoint answering ${status} to another origin: nothing reaches it, the error names the host and no secret`, async () => {
          ctx.sim.inject({ match: isToken, times: Infinity, response: redirectTo(catcher.url, status) });
          const outcome = await runTrigger(ctx);
          expect(ctx.sim.stats.faults, 'the fault was met').to.be.greaterThan(0);
          expect(outcome.error, 'the run must fail').to.be.instanceOf(Error);
          expect(catcher.requests, 'requests that reached the other origin').to.deep.equal([]);
          expect(outcome.error!.message).to.include(new URL(catcher.url).host);
          expect(leakedForms(everythingSaid(outcome), configSecrets(ctx.cfg), ctx.cfg)).to.deep.equal([]);
        });
      }
    }

    it('a page request redirected (307) to another origin: no credential reaches it and the run fails', async () => {
      await fixture.trigger.addRecords(3);
      await settle();
      ctx.sim.inject({ match: (req) => fixture.trigger.isPageRequest(req), times: Infinity, response: redirectTo(catcher.url, 307) });
      const outcome = await runTrigger(ctx);
      expect(ctx.sim.stats.faults, 'the fault was met').to.be.greaterThan(0);
      expect(outcome.error ?? outcome.self.rebounds[0], 'the run must fail').to.be.instanceOf(Error);
      expect(outcome.self.data).to.deep.equal([]);
      expectNothingCaught();
    });

    if (fixture.nextLinkTo) {
      const nextLinkTo = fixture.nextLinkTo;
      it('a next link to another origin is refused, naming it; nothing reaches it', async () => {
        await fixture.trigger.addRecords(3);
        await settle();
        ctx.sim.inject({ match: (req) => fixture.trigger.isPageRequest(req), response: (req) => nextLinkTo(req, `${catcher.url}/steal?page=2`) });
        const outcome = await runTrigger(ctx);
        expect(ctx.sim.stats.faults, 'the fault was met').to.be.greaterThan(0);
        expect(outcome.error, 'the run must fail').to.be.instanceOf(Error);
        expect(outcome.error!.message).to.include(new URL(catcher.url).origin);
        expect(catcher.requests).to.deep.equal([]);
      });
    }

    if (fixture.foreignDownload) {
      const download = fixture.foreignDownload;
      it('a download on the foreign host the provider documents is fetched without any credential', async () => {
        await fixture.trigger.addRecords(3);
        await settle();
        ctx.sim.inject({
          match: (req) => download.isLinkRequest(req),
          times: Infinity,
          response: (req) => download.linkTo(req, `${catcher.url}/bucket/export.csv?X-Amz-Signature=s`),
        });
        await runProcess(download.step.process, TICK, { ...ctx.cfg, ...(download.cfg ?? {}) }, {});
        expect(
          catcher.requests.map((r) => r.path),
          'the download reached the foreign host',
        ).to.include('/bucket/export.csv');
        expectNothingCaught();
      });
    }

    if (fixture.scanPositionAt) {
      const scanPositionAt = fixture.scanPositionAt;
      it('a snapshot whose scan position names another origin is refused, naming it; nothing reaches it', async () => {
        const outcome = await runTrigger(ctx, scanPositionAt(`${catcher.url}/steal?offset=10`));
        expect(outcome.error, 'the run must fail').to.be.instanceOf(Error);
        expect(outcome.error!.message).to.include(new URL(catcher.url).origin);
        expect(catcher.requests).to.deep.equal([]);
        expect(outcome.self.data).to.deep.equal([]);
      });
    }
  });
}
