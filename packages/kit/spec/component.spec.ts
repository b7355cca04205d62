import { expect } from 'chai';
import { ConfigurationError, ProviderError, RateLimitError, TransientError } from '../src/errors';
import { defineAction } from '../src/component/action';
import { createContext } from '../src/component/context';
import { readBoolean, readInteger, readPollingSettings, readRetryOverrides, requireString } from '../src/component/settings';
import { stepHttpClient } from '../src/component/stepClient';
import { definePollingTrigger, pollOnce } from '../src/component/trigger';
import { RecordingSelf, runProcess } from '../src/testing/recorder';
import type { MemRecord } from './helpers/memorySource';
import { ascendingSource } from './helpers/memorySource';

const PASSWORD = 'very-secret-pw';
const T = Date.parse('2024-01-01T00:00:00Z');

function trigger(fail?: () => Error) {
  return definePollingTrigger<Record<string, unknown>, MemRecord>({
    name: 'testTrigger',
    applicationUid: 'test',
    pageSize: { fallback: 2, max: 5 },
    cursor: (r) => r.t,
    id: (r) => r.id,
    mapping: '{ "id": id }',
    source: () => {
      if (fail) throw fail();
      return ascendingSource([
        { id: 'a', t: T },
        { id: 'b', t: T + 1 },
        { id: 'c', t: T + 2 },
      ]);
    },
  });
}

describe('component wrappers', () => {
  describe('definePollingTrigger', () => {
    it('runs the engine with the mapping, page size and applicationUid from the configuration', async () => {
      const { self, error } = await runProcess(trigger().process, {}, { pageSize: '2', applicationUid: 'custom-app' }, {});
      expect(error).to.equal(undefined);
      expect(self.data).to.deep.equal(['a', 'b', 'c'].map((id) => ({ metadata: { recordUid: id, applicationUid: 'custom-app' }, data: { id } })));
      expect(self.snapshots).to.have.length(2);
    });

    it('gives cursor and id the step configuration, and the built-in mapping its bindings', async () => {
      const zoned = definePollingTrigger<Record<string, unknown>, MemRecord>({
        name: 'zonedTrigger',
        applicationUid: 'test',
        pageSize: { fallback: 5, max: 5 },
        cursor: (r, cfg) => r.t - Number(cfg.shiftMs),
        id: (r, cfg) => `${String(cfg.prefix)}${r.id}`,
        mapping: '{ "id": id, "label": $label(id) }',
        mappingBindings: (cfg) => ({ label: (id: string) => `${String(cfg.prefix)}:${id}` }),
        source: () => ascendingSource([{ id: 'a', t: T + 1000 }]),
      });
      // endTime = T: only a cursor that read shiftMs from cfg puts the record inside the window.
      const cfg = { prefix: 'p-', shiftMs: 1000, startTime: new Date(T).toISOString(), endTime: new Date(T).toISOString() };
      const { self, error } = await runProcess(zoned.process, {}, cfg, {});
      expect(error).to.equal(undefined);
      expect(self.data).to.deep.equal([{ metadata: { recordUid: 'p-a', applicationUid: 'test' }, data: { id: 'a', label: 'p-:a' } }]);
      expect(self.snapshots).to.deep.equal([{ lastUpdated: new Date(T).toISOString(), seen: ['p-a'] }]);
      // A custom mapping is the flow's own expression: it does not see the built-in bindings.
      const custom = await runProcess(zoned.process, {}, { ...cfg, customMapping: '{ "has": $exists($label) }' }, {});
      expect(custom.self.data[0]).to.deep.include({ data: { has: false } });
    });

    it('a retryable error ends the poll with that error, no rebound (the next poll resumes from the stored snapshot)', async () => {
      for (const make of [() => new RateLimitError('slow down'), () => new TransientError('down')]) {
        const { self, error } = await runProcess(trigger(make).process, {}, {}, {});
        expect(error).to.be.instanceOf(make().constructor);
        expect(self.rebounds).to.deep.equal([]);
        expect(JSON.stringify(self.logs)).to.include('next poll resumes');
      }
    });

    it('other errors are thrown with the secrets removed, and logged without them', async () => {
      const { self, error } = await runProcess(
        trigger(() => new ProviderError(`login with ${PASSWORD} refused`)).process,
        {},
        { password: PASSWORD },
        {},
      );
      expect(error).to.be.instanceOf(ProviderError);
      expect(error!.message).to.equal('login with *** refused');
      expect(error!.stack).not.to.include(PASSWORD);
      expect(self.rebounds).to.deep.equal([]);
      expect(JSON.stringify(self.logs)).not.to.include(PASSWORD);
      const plain = await runProcess(trigger(() => 'a string' as unknown as Error).process, {}, {}, {});
      expect(plain.error?.message).to.equal('a string');
    });

    it('a bad startTime is a ConfigurationError naming startTime, before anything is read', async () => {
      const { error } = await runProcess(trigger().process, {}, { startTime: 'yesterday-ish' }, {});
      expect(error).to.be.instanceOf(ConfigurationError);
      expect((error as ConfigurationError).field).to.equal('startTime');
      expect(error!.message).to.match(/^startTime: "yesterday-ish" is not a date or time/);
    });

    it('pollOnce returns the result for the local runner', async () => {
      const self = new RecordingSelf();
      const ctx = createContext(self, { startTime: new Date(T + 1).toISOString() }, 'x');
      const result = await pollOnce(trigger().spec, ctx, undefined);
      expect(result).to.include({ emitted: 2, complete: true });
    });
  });

  describe('defineAction', () => {
    const action = defineAction<Record<string, unknown>>({
      name: 'testAction',
      mapping: '{ "full": first & " " & last }',
      run: async ({ input, transformer, emitter, cfg }) => {
        if (cfg.fail === 'rate') throw new RateLimitError('later');
        if (cfg.fail === 'secret') throw new Error(`bad key ${String(cfg.apiKey)}`);
        await emitter.data(await transformer.apply(input));
      },
    });

    it('reads either input format and applies its mapping', async () => {
      const { self } = await runProcess(action.process, { body: { first: 'A', last: 'B' } }, {});
      expect(self.data).to.deep.equal([{ metadata: {}, data: { full: 'A B' } }]);
    });

    it('an output mapping maps what a lookup emits; the flow’s custom mapping or skip replaces it when there is no input mapping', async () => {
      const lookup = defineAction<Record<string, unknown>>({
        name: 'lookup',
        outputMapping: '{ "name": login }',
        run: async ({ output, transformer, emitter }) => {
          expect(transformer.mode).to.equal('none');
          await emitter.data(await output.apply({ metadata: { recordUid: '7' }, data: { login: 'ada' } }));
        },
      });
      const mapped = await runProcess(lookup.process, { data: {} }, {});
      expect(mapped.self.data).to.deep.equal([{ metadata: { recordUid: '7' }, data: { name: 'ada' } }]);
      const custom = await runProcess(lookup.process, { data: {} }, { customMapping: '{ "who": data.login & "#" & metadata.recordUid }' });
      expect(custom.self.data).to.deep.equal([{ metadata: { recordUid: '7' }, data: { who: 'ada#7' } }]);
      const raw = await runProcess(lookup.process, { data: {} }, { skipTransformation: true });
      expect(raw.self.data).to.deep.equal([{ metadata: { recordUid: '7' }, data: { login: 'ada' } }]);
      const broken = await runProcess(lookup.process, { data: {} }, { customMapping: '{ "a": }' });
      expect((broken.error as ConfigurationError).field).to.equal('customMapping');
      expect(broken.self.events).to.deep.equal([]);
    });

    it('a custom mapping with a syntax error fails before run, naming customMapping', async () => {
      const { self, error } = await runProcess(action.process, { data: {} }, { customMapping: '{ "a": }' });
      expect((error as ConfigurationError).field).to.equal('customMapping');
      expect(self.events).to.deep.equal([]);
    });

    it('rebounds retryable errors and throws others without secrets', async () => {
      expect((await runProcess(action.process, {}, { fail: 'rate' })).self.rebounds).to.have.length(1);
      const { error } = await runProcess(action.process, {}, { fail: 'secret', apiKey: 'key-abcdef' });
      expect(error!.message).to.equal('bad key ***');
    });
  });

  describe('settings readers', () => {
    it('stepHttpClient knows the configuration’s secrets, its retry override and the credential’s shared throttle', () => {
      const cfg = { apiKey: 'not-a-secret-name', password: 'hunter2-pw', maxRetryWaitSeconds: '5' };
      const windows = [{ limit: 2, intervalMs: 1000 }];
      const a = stepHttpClient(cfg, { baseUrl: 'https://a.test', rateLimit: { key: 'step-client-spec', windows } });
      const b = stepHttpClient(cfg, { baseUrl: 'https://a.test', rateLimit: { key: 'step-client-spec', windows } });
      expect(a.redactor.text('login hunter2-pw')).to.equal('login ***');
      const throttleOf = (client: unknown) => (client as { options: { throttle?: unknown } }).options.throttle;
      expect(throttleOf(a)).to.be.an('object').and.equal(throttleOf(b));
      expect((a as unknown as { retry: { budgetMs: number } }).retry.budgetMs).to.equal(5000);
      expect(() => stepHttpClient({ maxRetryWaitSeconds: 'soon' }, { baseUrl: 'https://a.test' })).to.throw(
        ConfigurationError,
        /maxRetryWaitSeconds/,
      );
    });

    it('readBoolean accepts the platforms’ spellings and names a bad field', () => {
      expect(readBoolean({ a: 'on' }, 'a')).to.equal(true);
      expect(readBoolean({ a: 'No' }, 'a')).to.equal(false);
      expect(readBoolean({ a: false }, 'a', true)).to.equal(false);
      expect(readBoolean({}, 'a', true)).to.equal(true);
      expect(() => readBoolean({ a: 'maybe' }, 'a')).to.throw(ConfigurationError, /^a: "maybe" is not a yes\/no value/);
    });

    it('readInteger checks the range', () => {
      expect(readInteger({ n: '7' }, 'n', { min: 1, max: 10, fallback: 3 })).to.equal(7);
      expect(readInteger({ n: '' }, 'n', { min: 1, max: 10, fallback: 3 })).to.equal(3);
      expect(() => readInteger({ n: 11 }, 'n', { min: 1, max: 10, fallback: 3 })).to.throw(/n: must be a whole number from 1 to 10, got "11"/);
      expect(() => readInteger({ n: 1.5 }, 'n', { min: 1, max: 10, fallback: 3 })).to.throw(ConfigurationError);
    });

    it('requireString trims and names the missing field', () => {
      expect(requireString({ s: ' x ' }, 's')).to.equal('x');
      expect(() => requireString({ s: '  ' }, 's')).to.throw(/^s: is required$/);
    });

    it('readPollingSettings reads the standard fields and rejects endTime before startTime', () => {
      expect(
        readPollingSettings(
          { startTime: '2024-01-01', endTime: '2024-02-01T00:00:00Z', singlePagePerInterval: 'true', resetSnapshot: 'on' },
          { fallback: 10, max: 50 },
        ),
      ).to.deep.equal({
        startTime: T,
        endTime: Date.parse('2024-02-01T00:00:00Z'),
        pageSize: 10,
        singlePagePerInterval: true,
        resetSnapshot: true,
        safetyLagMs: 60_000,
      });
      expect(readPollingSettings({ safetyLagSeconds: '0' }, { fallback: 10, max: 50 }).safetyLagMs).to.equal(0);
      expect(readPollingSettings({ safetyLagSeconds: 2.5 }, { fallback: 10, max: 50 }).safetyLagMs).to.equal(2500);
      for (const bad of [-1, 'soon', 86_401, true]) {
        expect(() => readPollingSettings({ safetyLagSeconds: bad }, { fallback: 10, max: 50 })).to.throw(
          /^safetyLagSeconds: must be a number of seconds/,
        );
      }
      expect(() => readPollingSettings({ startTime: '2024-02-01', endTime: '2024-01-01' }, { fallback: 10, max: 50 })).to.throw(
        /^endTime: must not be before startTime/,
      );
      expect(() => readPollingSettings({ pageSize: 51 }, { fallback: 10, max: 50 })).to.throw(/^pageSize:/);
    });

    it('readRetryOverrides turns maxRetryWaitSeconds into the wait budget', () => {
      expect(readRetryOverrides({})).to.deep.equal({});
      expect(readRetryOverrides({ maxRetryWaitSeconds: '30' })).to.deep.equal({ budgetMs: 30_000, maxRetryAfterMs: 30_000 });
      expect(() => readRetryOverrides({ maxRetryWaitSeconds: -1 })).to.throw(/^maxRetryWaitSeconds:/);
    });
  });
});
