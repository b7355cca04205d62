import { Config, defineAction, oihMessage } from '@oih-suite/kit';
import { importEvents } from '../steps/eventImport';
import { applicationUid, clientFor } from '../steps/context';

export = defineAction<Config>({
  name: 'importConsumerEventData',
  run: async (ctx) => {
    const mapped = await ctx.transformer.apply<Record<string, unknown>>(ctx.input);
    const report = await importEvents(clientFor(ctx), mapped.data ?? {}, ctx.cfg);
    await ctx.emitter.data(oihMessage(report, { oihUid: mapped.metadata.oihUid, applicationUid: applicationUid(ctx.cfg) }));
  },
});
