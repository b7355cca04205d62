import { timing } from '../../util/timing';
import { describeBodyCases } from './bodies';
import type { HostileContext } from './context';
import { describeEngineCases } from './engine';
import type { HostileProviderFixture } from './fixture';
import { describeHangCases } from './hangs';
import { describeInputCases } from './input';
import { describeOriginCases } from './origin';
import { describeSecretCases } from './secrets';

export * from './fixture';
export { everythingSaid, configSecrets, credentialsSent, secretForms, leakedForms, errorData } from './output';

/**
 * The hostile-provider suite every component passes against its simulator, like the trigger
 * contract. One group per class, each case where it applies to the component: hostile input
 * (loose numbers, ids that are objects, invalid batch items, deletes that are not: nothing sent,
 * the error names the field), other origins (redirects, next links, stored positions, foreign
 * downloads), secret echoes, hostile bodies, hanging and dribbling servers, and hostile
 * customMappings. An empty 200, null and HTML mid-scan, damaged snapshots and broken record ids
 * are cases of the trigger contract.
 */
export function describeHostileProvider(title: string, makeFixture: () => HostileProviderFixture): void {
  describe(`hostile provider: ${title}`, function () {
    this.timeout(60_000);
    const fixture = makeFixture();
    const ctx = { fixture } as HostileContext;
    let previousScale = 1;

    beforeEach(async () => {
      previousScale = timing.scale;
      timing.scale = 0.002;
      const started = await fixture.trigger.start();
      ctx.sim = started.sim;
      ctx.cfg = started.cfg;
    });

    afterEach(async () => {
      timing.scale = previousScale;
      ctx.sim.clearFaults();
      await fixture.trigger.stop();
    });

    describeInputCases(ctx, fixture);
    describeOriginCases(ctx, fixture);
    describeSecretCases(ctx, fixture);
    describeBodyCases(ctx);
    describeHangCases(ctx);
    describeEngineCases(ctx);
  });
}
