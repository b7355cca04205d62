import { expect } from 'chai';
import { echoRequest } from '../../simulator/hostile';
import { isSecretKey } from '../../util/redact';
import { runProcess } from '../recorder';
import { HostileContext, runTrigger } from './context';
import type { HostileProviderFixture } from './fixture';
import { configSecrets, credentialsSent, everythingSaid, leakedForms } from './output';
import { settle } from './scan';

/** Secrets never show up in what a run says, in any encoding, even when the provider echoes them back. */
export function describeSecretCases(ctx: HostileContext, fixture: HostileProviderFixture): void {
  describe('secret echoes', () => {
    const expectNoSecret = (said: string, cfg: Record<string, unknown>) => {
      const secrets = [...configSecrets(cfg), ...credentialsSent(ctx.sim.requests)];
      expect(secrets.length, 'the case knows the credentials it looks for').to.be.greaterThan(0);
      expect(leakedForms(said, secrets, cfg), 'secrets in errors, messages, snapshots or logs').to.deep.equal([]);
    };

    if (fixture.isTokenRequest) {
      const isToken = fixture.isTokenRequest;
      it('a token endpoint echoing the request form and headers in its 401: no secret in any encoding in what the run says', async () => {
        ctx.sim.inject({ match: isToken, times: Infinity, response: echoRequest(401) });
        // The echo answers before the credentials are checked, so they can be awkward ones.
        const cfg = awkwardSecrets(ctx.cfg);
        const outcome = await runTrigger(ctx, {}, cfg);
        expect(ctx.sim.stats.faults, 'the fault was met').to.be.greaterThan(0);
        expect(outcome.error, 'the run must fail').to.be.instanceOf(Error);
        expectNoSecret(everythingSaid(outcome), cfg);
      });
    }

    for (const status of [400, 503]) {
      it(`a page answer ${status} echoing the request headers: neither configured secrets nor tokens obtained at run time show up`, async () => {
        await fixture.trigger.addRecords(3);
        await settle();
        ctx.sim.inject({ match: (req) => fixture.trigger.isPageRequest(req), times: Infinity, response: echoRequest(status) });
        // A static API token is only ever checked by the (echoing) page endpoint: it can be an awkward one.
        const cfg = fixture.isTokenRequest ? ctx.cfg : awkwardSecrets(ctx.cfg);
        const outcome = await runTrigger(ctx, {}, cfg);
        expect(ctx.sim.stats.faults, 'the fault was met').to.be.greaterThan(0);
        expect(outcome.error ?? outcome.self.rebounds[0], 'the run must fail').to.be.instanceOf(Error);
        expectNoSecret(everythingSaid(outcome), cfg);
      });
    }

    if (fixture.actionCall) {
      const call = fixture.actionCall;
      it(`${call.title}: a provider answering 503 with an echo of the request until the budget ends: the rebound carries no secret`, async () => {
        ctx.sim.inject({ match: (req) => !fixture.isTokenRequest?.(req), times: Infinity, response: echoRequest(503) });
        const cfg = { ...ctx.cfg, ...(call.cfg ?? {}), ...(fixture.isTokenRequest ? {} : awkwardSecrets(ctx.cfg)) };
        const outcome = await runProcess(call.step.process, call.message, cfg);
        expect(ctx.sim.stats.faults, 'the fault was met').to.be.greaterThan(0);
        expect(outcome.self.rebounds.length + (outcome.error ? 1 : 0), 'the action must rebound or fail').to.be.greaterThan(0);
        expectNoSecret(everythingSaid(outcome), cfg);
      });
    }
  });
}

/**
 * The configuration with every secret made awkward: a space, `+`, `%`, `!`, brackets, `*` and a
 * quote, which raw text, URL-, form- and JSON-encoding each write differently.
 */
function awkwardSecrets(cfg: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(cfg).map(([key, value]) => [key, isSecretKey(key) && typeof value === 'string' ? `${value} +%!(x)*"` : value]),
  );
}
