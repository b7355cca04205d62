import { expect } from 'chai';
import { ConnectorError } from '../../errors/ConnectorError';
import { HostileContext, runTrigger } from './context';
import { settle } from './scan';

/** An endless tail loop (JSONata runs it without growing the stack) and a runaway recursion. */
const LOOP = '( $loop := function($n) { $loop($n + 1) }; $loop(0) )';
const RECURSION = '( $deep := function($n) { 1 + $deep($n + 1) }; $deep(0) )';
/** Results that are no message body. */
const NOT_OBJECTS = ['42', '"text"', '[1, 2]', 'null', 'false', 'function($x) { $x }'];

function expectCustomMappingError(error: Error | undefined, what: string): void {
  expect(error, `${what} should fail`).to.be.instanceOf(ConnectorError);
  expect((error as ConnectorError).field, what).to.equal('customMapping');
}

/** A flow's customMapping cannot take the step down, nor turn into data that is no message (damaged snapshots: the trigger contract). */
export function describeEngineCases(ctx: HostileContext): void {
  describe('hostile mappings', () => {
    it('a customMapping that loops forever is stopped by its time limit: an error naming customMapping, nothing emitted', async () => {
      await ctx.fixture.trigger.addRecords(3);
      await settle();
      const outcome = await runTrigger(ctx, {}, { ...ctx.cfg, safetyLagSeconds: 0, customMapping: LOOP, customMappingTimeoutMs: 100 });
      expectCustomMappingError(outcome.error, 'an endless loop');
      expect(outcome.error!.message).to.match(/customMappingTimeoutMs/);
      expect(outcome.self.data).to.deep.equal([]);
    });

    it('a customMapping that recurses without end is stopped by its depth limit: an error naming customMapping, nothing emitted', async () => {
      await ctx.fixture.trigger.addRecords(3);
      await settle();
      const outcome = await runTrigger(ctx, {}, { ...ctx.cfg, safetyLagSeconds: 0, customMapping: RECURSION });
      expectCustomMappingError(outcome.error, 'a runaway recursion');
      expect(outcome.error!.message).to.match(/customMappingMaxDepth/);
      expect(outcome.self.data).to.deep.equal([]);
    });

    it('a customMapping returning a number, text, an array, null, false or a function is an error, never data', async () => {
      await ctx.fixture.trigger.addRecords(3);
      await settle();
      for (const customMapping of NOT_OBJECTS) {
        const outcome = await runTrigger(ctx, {}, { ...ctx.cfg, safetyLagSeconds: 0, customMapping });
        expectCustomMappingError(outcome.error, `customMapping ${customMapping}`);
        expect(outcome.self.data, `customMapping ${customMapping}`).to.deep.equal([]);
      }
    });
  });
}
