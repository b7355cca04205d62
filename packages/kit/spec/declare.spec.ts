import { expect } from 'chai';
import { Readable } from 'node:stream';
import {
  ExportJob,
  STANDARD_CREDENTIAL_FIELDS,
  STANDARD_FIELDS,
  checkbox,
  clientOf,
  describeAction,
  describeComponent,
  describeProvider,
  describeStream,
  dynamicSelect,
  exportJobPages,
  generateDescriptors,
  integer,
  readSettings,
  secret,
  select,
  text,
} from '../src/declare';
import type { FieldSet } from '../src/declare';
import { AuthenticationError, ConfigurationError } from '../src/errors';
import type { Page } from '../src/paging/paginate';
import { runProcess } from '../src/testing/recorder';
import { Log, silentLogger } from '../src/util/logger';
import { withTiming } from '../src/util/timing';
import { FakeClock } from './helpers/fakeClock';

interface Item {
  id: string;
  name: string;
  t?: number;
  gone?: boolean;
}

/** An in-memory provider: its client is the list itself, and it records the credentials it was built with. */
function memoryProvider(items: Item[], built: string[] = []) {
  return describeProvider({
    id: 'memory',
    title: 'Memory',
    description: 'An in-memory provider',
    docsUrl: 'https://example.com/docs',
    applicationUid: 'memory',
    credentials: {
      token: secret({ label: 'Token', required: true, note: 'Any token' }),
      region: text({ label: 'Region', placeholder: 'eu', note: 'Where the data lives' }),
    },
    mappingExample: '{ "data": data }',
    client: ({ credentials }) => {
      built.push(credentials.token);
      return { list: () => items };
    },
    verify: async ({ list }) => {
      if (list().length === 0) throw new AuthenticationError('Memory refused the credentials (HTTP 401)');
    },
  });
}

const onePage = <T>(records: T[]): AsyncIterable<Page<T>> =>
  (async function* () {
    yield { records, last: true };
  })();
const cfg = { token: 'memory-token-123' };
const ITEMS = { id: 'getItemsPolling', title: 'Items', description: 'Items', out: './lib/schemas/item.json' };

/** The fingerprint stream of all items, with `fields` of the test's choosing. */
function itemsStream<F extends FieldSet>(provider: ReturnType<typeof memoryProvider>, fields: F, pageSize = { fallback: 10, max: 10 }) {
  return describeStream(provider, {
    ...ITEMS,
    changes: 'fingerprint',
    pageSize,
    fields,
    read: ({ client }) => ({ pages: () => onePage([...client.list()]), id: (item: Item) => item.id }),
  });
}

describe('declare: fields', () => {
  const fields = {
    size: integer({ label: 'Size', note: 'n', min: 1, max: 10, fallback: 3 }),
    axis: select({ label: 'Axis', note: 'n', model: { a: 'A', b: 'B' }, fallback: 'a' }),
    loud: checkbox({ label: 'Loud', note: 'n' }),
    name: text({ label: 'Name', note: 'n', placeholder: 'x', required: true }),
  };

  it('reads every field once into typed settings', () => {
    const settings = readSettings(fields, { size: '7', axis: 'b', loud: 'true', name: ' Ann ' });
    expect(settings).to.deep.equal({ size: 7, axis: 'b', loud: true, name: 'Ann' });
  });

  it('names the field of a bad value', () => {
    expect(() => readSettings(fields, { axis: 'c', name: 'x' })).to.throw(ConfigurationError, 'axis: must be "a" or "b", got "c"');
    expect(() => readSettings(fields, {})).to.throw(ConfigurationError, 'name: is required');
  });

  it('a dynamic select names the function that lists its values, and reads text or a number', () => {
    const group = dynamicSelect({ label: 'Group', note: 'n', model: 'getGroups', prompt: 'Select a group' });
    expect(group.json).to.include({ viewClass: 'SelectView', model: 'getGroups', prompt: 'Select a group', required: false });
    expect(readSettings({ group }, { group: ' 12 ' })).to.deep.equal({ group: '12' });
    expect(readSettings({ group }, { group: 12 })).to.deep.equal({ group: '12' });
    expect(readSettings({ group }, { group: '' })).to.deep.equal({ group: undefined });
    expect(() => readSettings({ group }, { group: { id: 12 } })).to.throw(ConfigurationError, /^group: must be text/);
  });
});

describe('declare: streams', () => {
  it("a 'fingerprint' stream emits new and changed records only, keeping content hashes in the snapshot", async () => {
    const items: Item[] = [
      { id: '1', name: 'one' },
      { id: '2', name: 'two' },
    ];
    const provider = memoryProvider(items);
    const stream = itemsStream(provider, {});
    const first = await runProcess(stream.process, {}, cfg, {});
    expect(first.error).to.equal(undefined);
    expect(first.self.data.map((m) => (m.metadata as { recordUid: string }).recordUid)).to.deep.equal(['1', '2']);
    const second = await runProcess(stream.process, {}, cfg, first.self.lastSnapshot);
    expect(second.self.data).to.deep.equal([]);
    items[1] = { id: '2', name: 'TWO' };
    items.push({ id: '3', name: 'three' });
    const third = await runProcess(stream.process, {}, cfg, second.self.lastSnapshot);
    expect(third.self.data.map((m) => (m.metadata as { recordUid: string }).recordUid)).to.deep.equal(['2', '3']);
  });

  it('reads the settings once per run, honours applicationUid, and builds no client when a field is bad', async () => {
    const built: string[] = [];
    let reads = 0;
    const provider = memoryProvider([{ id: '1', name: 'one', t: 1_000 }], built);
    const stream = describeStream(provider, {
      ...ITEMS,
      changes: 'scan',
      pageSize: { fallback: 10, max: 10 },
      fields: { prefix: text({ label: 'Prefix', note: 'n', placeholder: 'p' }) },
      read: ({ client, settings }) => {
        reads += 1;
        return { pages: () => onePage([...client.list()]), id: (item: Item) => `${settings.prefix ?? ''}${item.id}`, cursor: (item: Item) => item.t };
      },
    });
    const ok = await runProcess(stream.process, {}, { ...cfg, prefix: 'x-', applicationUid: 'crm' }, {});
    expect(ok.error).to.equal(undefined);
    expect(reads).to.equal(1);
    expect(ok.self.data[0].metadata).to.deep.equal({ recordUid: 'x-1', applicationUid: 'crm' });
    const bad = await runProcess(stream.process, {}, { prefix: 'x-' }, {});
    expect(bad.error?.message).to.equal('token: is required');
    expect(built).to.deep.equal(['memory-token-123']);
  });
});

describe('declare: actions', () => {
  it('take fields from the message, emit records and tombstones with the applicationUid setting', async () => {
    const provider = memoryProvider([
      { id: '1', name: 'one' },
      { id: '2', name: 'two', gone: true, t: Date.parse('2024-01-01T00:00:00Z') },
    ]);
    const action = describeAction(provider, {
      id: 'exportItems',
      title: 'Export items',
      description: 'Emits every item',
      out: './lib/schemas/item.json',
      fieldsFromMessage: true,
      outputMapping: '{ "label": name }',
      fields: { limit: integer({ label: 'Limit', note: 'n', min: 1, max: 5, fallback: 5 }) },
      run: async ({ client, settings, emitRecords }) => {
        await emitRecords(client.list().slice(0, settings.limit), { id: (i) => i.id, isDeleted: (i) => i.gone === true, changedAt: (i) => i.t });
      },
    });
    const outcome = await runProcess(action.process, { data: { limit: 2 } }, { ...cfg, applicationUid: 'crm' });
    expect(outcome.error).to.equal(undefined);
    expect(outcome.self.data).to.deep.equal([
      { metadata: { recordUid: '1', applicationUid: 'crm' }, data: { label: 'one' } },
      { metadata: { recordUid: '2', applicationUid: 'crm' }, data: { deleteRequested: '2024-01-01T00:00:00.000Z' } },
    ]);
    const bad = await runProcess(action.process, { data: { limit: 9 } }, cfg);
    expect(bad.error?.message).to.equal('limit: must be a whole number from 1 to 5, got "9"');
  });
  it('an upsert maps its input and its result; the OIH id travels on, skipTransformation skips both mappings', async () => {
    const action = describeAction(memoryProvider([]), {
      id: 'upsertItem',
      title: 'Upsert item',
      description: 'Stores an item and emits it as stored',
      in: './lib/schemas/item.json',
      out: './lib/schemas/item.json',
      mapping: '{ "name": label }',
      outputMapping: '{ "label": name, "stored": true }',
      fields: {},
      run: async ({ input, transformer, emitRecord }) => {
        const mapped = await transformer.apply<Record<string, unknown>>(input);
        await emitRecord({ ...mapped.data, id: 'I1' }, { id: 'I1', oihUid: mapped.metadata.oihUid });
      },
    });
    const message = { metadata: { oihUid: 'oih-7', recordUid: 'src-1' }, data: { label: 'Mia' } };
    const mapped = await runProcess(action.process, message, cfg);
    expect(mapped.self.data).to.deep.equal([
      { metadata: { oihUid: 'oih-7', recordUid: 'I1', applicationUid: 'memory' }, data: { label: 'Mia', stored: true } },
    ]);
    const skipped = await runProcess(action.process, message, { ...cfg, skipTransformation: true });
    expect(skipped.self.data).to.deep.equal([
      { metadata: { oihUid: 'oih-7', recordUid: 'I1', applicationUid: 'memory' }, data: { label: 'Mia', id: 'I1' } },
    ]);
  });
});

describe('declare: emitStream', () => {
  it("reads a whole stream with its own reader, fields and mapping; 'since' narrows timed streams", async () => {
    const provider = memoryProvider([
      { id: '1', name: 'old', t: 1_000 },
      { id: '2', name: 'new', t: 5_000, gone: true },
    ]);
    const windows: unknown[] = [];
    const stream = describeStream(provider, {
      ...ITEMS,
      changes: 'scan',
      pageSize: { fallback: 10, max: 50 },
      mapping: '{ "name": $prefix & name }',
      mappingBindings: (settings) => ({ prefix: settings.prefix ?? '' }),
      fields: { prefix: text({ label: 'Prefix', note: 'n', placeholder: 'p' }) },
      read: ({ client }) => ({
        pages: (window) => (windows.push(window), onePage([...client.list()])),
        id: (item: Item) => item.id,
        cursor: (item: Item) => item.t,
        isDeleted: (item: Item) => item.gone === true,
      }),
    });
    const action = describeAction(provider, {
      id: 'syncItems',
      title: 'Sync items',
      description: 'Every item',
      out: './lib/schemas/item.json',
      fieldsFromMessage: true,
      fields: { since: integer({ label: 'Since', note: 'n', min: 0, max: 10_000, fallback: 0 }) },
      run: async ({ settings, emitStream, emitter }) => {
        const count = await emitStream(stream, { since: settings.since || undefined });
        await emitter.data({ metadata: {}, data: { count } });
      },
    });
    const all = await runProcess(action.process, { data: { prefix: 'x-', since: '' } }, { ...cfg, since: 0 });
    expect(all.error).to.equal(undefined);
    expect(all.self.data).to.deep.equal([
      { metadata: { recordUid: '1', applicationUid: 'memory' }, data: { name: 'x-old' } },
      { metadata: { recordUid: '2', applicationUid: 'memory' }, data: { deleteRequested: '1970-01-01T00:00:05.000Z' } },
      { metadata: {}, data: { count: 2 } },
    ]);
    expect(windows[0]).to.include({ since: 0, pageSize: 50 });
    const recent = await runProcess(action.process, { data: { since: 2_000 } }, cfg);
    expect(recent.self.data.map((m) => m.data)).to.deep.equal([{ deleteRequested: '1970-01-01T00:00:05.000Z' }, { count: 1 }]);
  });
});

describe('declare: verifyCredentials and the client outside a step', () => {
  it('has one policy: the kit error as it is, a secret never', async () => {
    const { verifyCredentials } = describeComponent(memoryProvider([{ id: '1', name: 'one' }]), { triggers: [], actions: [] });
    expect(await verifyCredentials(cfg)).to.deep.equal({ verified: true });
    expect(await verifyCredentials({})).to.deep.equal({ verified: false, reason: 'token: is required' });
    const refusing = describeComponent(memoryProvider([]), { triggers: [], actions: [] });
    expect(await refusing.verifyCredentials(cfg)).to.deep.equal({ verified: false, reason: 'Memory refused the credentials (HTTP 401)' });
    expect(clientOf(memoryProvider([{ id: '1', name: 'one' }]), cfg).list()).to.have.length(1);
  });

  it('waits at most 15 s on rate limits and retries unless the credentials say otherwise (someone waits in the UI)', async () => {
    const seen: unknown[] = [];
    const provider = describeProvider({
      ...memoryProvider([]),
      client: ({ cfg }) => seen.push(cfg.maxRetryWaitSeconds),
      verify: async () => undefined,
    });
    const { verifyCredentials } = describeComponent(provider, { triggers: [], actions: [] });
    expect(await verifyCredentials(cfg)).to.deep.equal({ verified: true });
    expect(await verifyCredentials({ ...cfg, maxRetryWaitSeconds: 60 })).to.deep.equal({ verified: true });
    expect(seen).to.deep.equal([15, 60]);
  });
});

describe('declare: export jobs', () => {
  const log = new Log(silentLogger, undefined, {});
  const job = (statuses: string[], rows: string[]): ExportJob<string> & { started: number } => {
    const out = {
      started: 0,
      what: 'Memory export',
      start: async () => `job${++out.started}`,
      check: async () => {
        const next = statuses.shift() ?? 'complete';
        return next === 'complete'
          ? { state: 'complete' as const, location: 'file' }
          : next === 'failed'
            ? { state: 'failed' as const }
            : { state: 'running' as const, detail: next };
      },
      download: async () => Readable.from(rows),
      rows: (file: NodeJS.ReadableStream) => file as unknown as AsyncIterable<string>,
    };
    return out;
  };
  const collect = async <T>(pages: AsyncIterable<Page<T>>) => {
    const out: Page<T>[] = [];
    for await (const page of pages) out.push(page);
    return out;
  };

  it('requests, waits through the timing seam and pages the rows; a resumed position skips what was emitted', async () => {
    const clock = new FakeClock();
    const pages = await withTiming({ clock }, () => collect(exportJobPages(job(['running', 'running'], ['a', 'b', 'c']), { pageSize: 2, log })));
    expect(pages).to.deep.equal([
      { records: [], position: { exportId: 'job1', row: 0 }, last: false },
      { records: ['a', 'b'], position: { exportId: 'job1', row: 2 }, last: false },
      { records: ['c'], position: { exportId: 'job1', row: 3 }, last: true },
    ]);
    expect(clock.sleeps).to.deep.equal([1000, 2000]);
    const resumed = await collect(exportJobPages(job([], ['a', 'b', 'c']), { pageSize: 2, log, resumeFrom: { exportId: 'job7', row: 2 } }));
    expect(resumed).to.deep.equal([{ records: ['c'], position: { exportId: 'job7', row: 3 }, last: true }]);
    const lost = await collect(exportJobPages(job([], ['a']), { pageSize: 2, log, resumeFrom: { exportId: 'job7', row: 5 } })).catch((e: Error) => e);
    expect((lost as Error).message).to.equal('Memory export job7: the stored scan position (row 5) lies past its 1 rows');
    expect((lost as Error).name).to.equal('ScanPositionLostError');
  });

  it('a job still running after the budget rebounds; a fresh failed job is an error', async () => {
    const slow = { ...job(Array<string>(50).fill('in_progress'), []), waitBudgetMs: 5000 };
    const error = await withTiming({ clock: new FakeClock() }, () => collect(exportJobPages(slow, { pageSize: 2, log }))).catch((e: Error) => e);
    expect((error as Error).message).to.equal('Memory export job1 is still in_progress after 7 s; the next run continues with it');
    expect((error as { retryable?: boolean }).retryable).to.equal(true);
    const failed = await collect(exportJobPages(job(['failed'], []), { pageSize: 2, log })).catch((e: Error) => e);
    expect((failed as Error).message).to.equal('Memory export job1 ended with status "errored"; no rows were read');
  });
});

describe('declare: generated descriptors', () => {
  const provider = memoryProvider([]);
  const stream = itemsStream(provider, { mode: select({ label: 'Mode', note: 'n', model: { a: 'A' }, fallback: 'a' }) }, { fallback: 10, max: 100 });

  it('adds the standard fields around the own ones, without a time window for fingerprint streams', () => {
    const files = generateDescriptors(describeComponent(provider, { triggers: [stream], actions: [] }));
    const json = files['component.json'] as { buildType: string; triggers: Record<string, { fields: Record<string, unknown>; main: string }> };
    expect(json.buildType).to.equal('docker');
    expect(Object.keys(json.triggers.getItemsPolling.fields)).to.deep.equal([
      'pageSize',
      'singlePagePerInterval',
      'resetSnapshot',
      'mode',
      'skipTransformation',
      'customMapping',
      'customMappingTimeoutMs',
      'customMappingMaxDepth',
      'maxRetryWaitSeconds',
      'requestTimeoutSeconds',
      'maxResponseMB',
      'rateLimitShare',
      'applicationUid',
    ]);
    expect(json.triggers.getItemsPolling.main).to.equal('./dist/lib/triggers/getItemsPolling.js');
    expect(Object.keys(files).sort()).to.deep.equal(['component.json', 'lib/schemas/tick.in.json']);
    expect(STANDARD_FIELDS.every((f) => f.json({ kind: 'action', provider: 'P', mappingExample: '{}', applicationUid: 'p' }).note)).to.equal(true);
  });

  it('gives steps of a provider without published limits maxRequestsPerSecond instead of rateLimitShare', () => {
    const adaptive = describeProvider({ ...provider, rateLimit: 'adaptive' });
    const json = generateDescriptors(describeComponent(adaptive, { triggers: [itemsStream(adaptive, {})], actions: [] }))['component.json'] as {
      triggers: Record<string, { fields: Record<string, { note: string; placeholder?: string }> }>;
    };
    const fields = json.triggers.getItemsPolling.fields;
    expect(fields).not.to.have.property('rateLimitShare');
    expect(fields.maxRequestsPerSecond.placeholder).to.equal('50');
    expect(fields.maxRequestsPerSecond.note).to.include('if your Memory contract names one');
  });

  it("words a standard field per stream and writes the provider's OAuth app", () => {
    const oauthProvider = describeProvider({ ...provider, oauth2: { auth_uri: 'https://example.com/authorize' } });
    const timed = describeStream(oauthProvider, {
      ...stream.description,
      changes: 'since',
      standardWording: { startTime: { label: 'Created since' } },
    });
    const json = generateDescriptors(describeComponent(oauthProvider, { triggers: [timed], actions: [] }))['component.json'] as {
      credentials: { oauth2?: unknown };
      triggers: Record<string, { fields: Record<string, { label: string; note: string }> }>;
    };
    expect(json.credentials.oauth2).to.deep.equal({ auth_uri: 'https://example.com/authorize' });
    expect(json.triggers.getItemsPolling.fields.startTime.label).to.equal('Created since');
    expect(json.triggers.getItemsPolling.fields.startTime.note).to.equal('ISO 8601; where the first run starts (default: the beginning of time)');
  });

  it('adds the standard credential fields where they apply, and the provider envVars', () => {
    STANDARD_CREDENTIAL_FIELDS.push({
      name: 'allowDemo',
      appliesTo: (p) => p.credentials.includes('region'),
      json: (p) => ({ label: 'Demo', viewClass: 'CheckBoxView', required: false, note: `Use the ${p.title} demo` }),
    });
    try {
      const withEnv = describeProvider({ ...provider, envVars: { MEMORY_APP: { required: false, description: 'The app id' } } });
      const json = generateDescriptors(describeComponent(withEnv, { triggers: [], actions: [] }))['component.json'] as {
        envVars: unknown;
        credentials: { fields: Record<string, { note: string }> };
      };
      expect(Object.keys(json.credentials.fields)).to.deep.equal(['token', 'region', 'allowDemo']);
      expect(json.credentials.fields.allowDemo.note).to.equal('Use the Memory demo');
      expect(json.envVars).to.deep.equal({ MEMORY_APP: { required: false, description: 'The app id' } });
    } finally {
      STANDARD_CREDENTIAL_FIELDS.pop();
    }
  });

  it('refuses a component that breaks the conventions, listing every problem', () => {
    // Built by hand, not through describeProvider: its types would refuse most of these mistakes.
    const broken = {
      ...provider,
      docsUrl: '',
      credentials: { user: text({ label: 'User', note: '', placeholder: '' }), key: secret({ label: 'Key', note: 'k', required: true }) },
      alternatives: [['user', 'key']],
    } as unknown as typeof provider;
    const step = describeStream(broken, {
      ...stream.description,
      fields: { pageSize: integer({ label: 'Size', note: 'n', min: 1, max: 2, fallback: 1 }) },
    });
    expect(() => generateDescriptors(describeComponent(broken, { triggers: [step], actions: [] }))).to.throw(
      [
        'memory: component.json breaks the conventions:',
        '- provider: docsUrl must be an https URL',
        '- getItemsPolling.pageSize: a standard field of the kit; do not declare it again',
        '- credentials.user: no note',
        '- credentials.user: no placeholder',
        '- credentials.key: one of an alternative pair cannot be required',
      ].join('\n'),
    );
  });
});
