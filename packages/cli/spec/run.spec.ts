import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { cli, jsonLines, recordUids, simulatorBuilt, sleep, tempDir, writeJson } from './helpers';

/** The slice of the CleverReach simulator these tests drive (loaded from the built component). */
interface CleverReachSim {
  baseUrl: string;
  cfg: Record<string, unknown>;
  stop(): Promise<void>;
  store: {
    receivers: Map<number, unknown>;
    groups: Map<number, unknown>;
    touch(receiverId: number): void;
    deactivate(receiverId: number): void;
    subscribe(groupId: number, input: Record<string, unknown>): { id: number };
  };
}

const SIM = path.resolve(__dirname, '..', '..', '..', 'components', 'cleverreach', 'dist', 'simulator');

describe('oih-connectors run and verify against the CleverReach simulator', function () {
  this.timeout(60_000);
  let sim: CleverReachSim;
  let dir: string;
  let cfgFile: string;

  before(async function () {
    if (!simulatorBuilt('cleverreach')) this.skip();
    const { startSimulator } = require(SIM) as { startSimulator: (o: object) => Promise<CleverReachSim> };
    sim = await startSimulator({ records: 30, seed: 7 });
    dir = tempDir();
    cfgFile = writeJson(path.join(dir, 'cfg.json'), { ...sim.cfg, safetyLagSeconds: 0, pageSize: 10 });
  });

  after(async () => {
    await sim?.stop();
  });

  it('--json prints one message per line; with --state a second run emits only what changed', async () => {
    const state = path.join(dir, 'state.json');
    const first = await cli(['run', 'cleverreach', 'getReceiversPolling', '--cfg', cfgFile, '--state', state, '--json']);
    expect(first.code, first.stderr).to.equal(0);
    const firstMessages = jsonLines(first.stdout);
    expect(firstMessages).to.have.length(sim.store.receivers.size);
    for (const m of firstMessages) expect(m).to.have.keys('metadata', 'data');
    expect(new Set(recordUids(firstMessages)).size).to.equal(firstMessages.length);
    expect(first.stderr).to.match(/messages\s+30/);
    const saved = JSON.parse(fs.readFileSync(state, 'utf8')) as { lastUpdated: string };
    expect(Date.parse(saved.lastUpdated)).to.be.greaterThan(0);

    // The provider's clock has one-second resolution: changes must land in a later second.
    await sleep(1100);
    const [touched, unsubscribed] = [...sim.store.receivers.keys()].slice(3, 5);
    sim.store.touch(touched);
    sim.store.deactivate(unsubscribed);
    const added = sim.store.subscribe([...sim.store.groups.keys()][0], { email: 'new.person@example.com' });
    await sleep(1100);

    const second = await cli(['run', 'cleverreach', 'getReceiversPolling', '--cfg', cfgFile, '--state', state, '--json']);
    expect(second.code, second.stderr).to.equal(0);
    expect(recordUids(jsonLines(second.stdout)).sort()).to.deep.equal([touched, unsubscribed, added.id].map(String).sort());

    const third = await cli(['run', 'cleverreach', 'getReceiversPolling', '--cfg', cfgFile, '--state', state]);
    expect(third.code, third.stderr).to.equal(0);
    expect(third.stdout).to.match(/messages\s+0\n/);
    expect(third.stdout).to.include('Nothing new since the last run.');
  });

  it('the readable table shows each message and the summary', async () => {
    const r = await cli(['run', 'cleverreach', 'getReceiversPolling', '--cfg', cfgFile, '--limit', '3']);
    expect(r.code, r.stderr).to.equal(0);
    const rows = r.stdout.split('\n').filter((line) => /^\s+\d+\s+data\s+\d+\s+/.test(line));
    expect(rows).to.have.length(3);
    for (const label of ['messages', 'tombstones', 'errors', 'pages', 'requests', 'retries', 'waited (rate limits, retries)', 'duration']) {
      expect(r.stdout).to.match(new RegExp(`\\n${label.replace(/[()]/g, '\\$&')}\\s+\\S+`));
    }
    expect(r.stdout).to.match(/messages\s+3\n/);
    expect(r.stdout).to.include('Stopped at --limit 3.');
  });

  it('OIH_CFG_* variables supply secrets that are never printed', async () => {
    const noSecret = writeJson(path.join(dir, 'nosecret.json'), {
      client_id: sim.cfg.client_id,
      baseUrl: sim.baseUrl,
      pageSize: 10,
      safetyLagSeconds: 0,
    });
    const r = await cli(['run', 'cleverreach', 'getReceiversPolling', '--cfg', noSecret, '--limit', '1', '--json'], {
      OIH_CFG_CLIENT_SECRET: String(sim.cfg.client_secret),
    });
    expect(r.code, r.stderr).to.equal(0);
    expect(jsonLines(r.stdout)).to.have.length(1);
    expect(r.stdout + r.stderr).not.to.include(String(sim.cfg.client_secret));
  });

  it('--format elasticio emits the sailor shape ({id, body, metadata})', async () => {
    const r = await cli(['run', 'cleverreach', 'getReceiversPolling', '--cfg', cfgFile, '--limit', '2', '--json', '--format', 'elasticio']);
    expect(r.code, r.stderr).to.equal(0);
    const lines = jsonLines(r.stdout);
    expect(lines).to.have.length(2);
    for (const m of lines) expect(m).to.include.keys('id', 'body', 'metadata');
  });

  it('runs an action with --input and emits its result', async () => {
    const person = { metadata: {}, data: { firstName: 'Ada', lastName: 'Lovelace', contactData: [{ type: 'email', value: 'ada@example.com' }] } };
    const input = writeJson(path.join(dir, 'person.json'), person);
    const groupId = String([...sim.store.groups.keys()][0]);
    const cfg = writeJson(path.join(dir, 'upsert.json'), { ...sim.cfg, groupId });
    const r = await cli(['run', 'cleverreach', 'upsertReceiver', '--cfg', cfg, '--input', input, '--json']);
    expect(r.code, r.stderr).to.equal(0);
    const [out] = jsonLines(r.stdout);
    expect((out.data as Record<string, unknown>).email).to.equal('ada@example.com');
  });

  it('an action input the component rejects exits 2 naming the field', async () => {
    const input = writeJson(path.join(dir, 'noemail.json'), { data: { firstName: 'No', lastName: 'Mail' } });
    const r = await cli(['run', 'cleverreach', 'upsertReceiver', '--cfg', cfgFile, '--input', input]);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.match(/Error: Configuration: data\.contactData/);
    expect(r.stderr).to.match(/Hint: Fix "data\.contactData" in the --input message/);
  });

  it('verify with good credentials exits 0', async () => {
    const r = await cli(['verify', 'cleverreach', '--cfg', cfgFile]);
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stdout).to.match(/credentials verified/);
  });

  it('verify with bad credentials exits 3, says why, and prints no secret', async () => {
    const secret = 'wrong-secret-value-1234';
    const bad = writeJson(path.join(dir, 'bad.json'), { ...sim.cfg, client_secret: secret });
    const r = await cli(['verify', 'cleverreach', '--cfg', bad, '--verbose']);
    expect(r.code).to.equal(3);
    expect(r.stderr).to.match(/Credentials were not verified/);
    expect(r.stderr).to.match(/Hint: /);
    expect(r.stdout + r.stderr).not.to.include(secret);
  });

  it('run with bad credentials exits 3 without a stack trace', async () => {
    const secret = 'another-wrong-secret-5678';
    const bad = writeJson(path.join(dir, 'bad-run.json'), { ...sim.cfg, client_secret: secret });
    const r = await cli(['run', 'cleverreach', 'getReceiversPolling', '--cfg', bad]);
    expect(r.code).to.equal(3);
    expect(r.stderr).to.match(/refused the credentials/);
    expect(r.stderr).not.to.match(/\n\s+at /);
    expect(r.stdout + r.stderr).not.to.include(secret);
  });

  it('a customMapping that fails at run time is a configuration error: exit 2', async () => {
    // Valid JSONata that fails on every record ($number of a non-numeric string).
    const bad = writeJson(path.join(dir, 'bad-mapping.json'), { ...sim.cfg, customMapping: '{ "data": { "n": $number(data.firstName & "x") } }' });
    const r = await cli(['run', 'cleverreach', 'getReceiversPolling', '--cfg', bad, '--json']);
    expect(r.code, r.stderr).to.equal(2);
    expect(r.stderr).to.match(/Error: Configuration: customMapping /);
    expect(r.stderr).to.match(/Hint: Fix the customMapping expression/);
  });

  it('an unreachable baseUrl exits 4 (run and verify) within the retry budget, with a hint to check baseUrl', async function () {
    this.timeout(90_000);
    const unreachable = writeJson(path.join(dir, 'unreachable.json'), { ...sim.cfg, baseUrl: 'http://127.0.0.1:9', maxRetryWaitSeconds: 4 });
    const r = await cli(['run', 'cleverreach', 'getReceiversPolling', '--cfg', unreachable]);
    expect(r.code, r.stderr).to.equal(4);
    expect(r.stderr).to.match(/could not be reached \(ECONNREFUSED\)/);
    expect(r.stderr).to.match(/Hint: Check baseUrl/);
    const verify = await cli(['verify', 'cleverreach', '--cfg', unreachable]);
    expect(verify.code, verify.stderr).to.equal(4);
  });
});
