import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { cli, tempDir, writeJson } from './helpers';

describe('oih-connectors: usage errors exit 2 with a message', function () {
  this.timeout(30_000);

  it('an unknown command', async () => {
    const r = await cli(['frobnicate']);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.match(/unknown command 'frobnicate'/);
  });

  it('run without its arguments', async () => {
    const r = await cli(['run']);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.match(/missing required argument 'component'/);
  });

  it('an unknown component names the ones available', async () => {
    const r = await cli(['run', 'nosuchprovider', 'anything']);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.match(/Unknown component "nosuchprovider"/);
    expect(r.stderr).to.match(/Hint: Components available:/);
    expect(r.stderr, 'no stack trace without --verbose').not.to.match(/\n\s+at /);
  });

  it('an unknown step names the steps of the component', async () => {
    const r = await cli(['run', 'cleverreach', 'noSuchStep']);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.match(/cleverreach has no trigger or action "noSuchStep"/);
    expect(r.stderr).to.match(/getReceiversPolling \(trigger\)/);
  });

  it('a --limit that is not a number', async () => {
    const r = await cli(['run', 'cleverreach', 'getReceiversPolling', '--limit', 'many']);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.match(/--limit must be a whole number/);
  });

  it('a --cfg file that is not JSON', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'cfg.json');
    fs.writeFileSync(file, '{ not json');
    const r = await cli(['verify', 'cleverreach', '--cfg', file]);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.match(/--cfg .*not valid JSON/);
  });

  it('a broken --cfg file: the error says where, and prints none of the file (it holds secrets)', async () => {
    const file = path.join(tempDir(), 'cfg.json');
    fs.writeFileSync(file, '{\n  "client_id": "id-1",\n  "client_secret": "cr Secret!(x)*zz9\n}');
    const r = await cli(['verify', 'cleverreach', '--cfg', file]);
    expect(r.code).to.equal(2);
    // The CLI wraps lines at 120 columns: match across the break.
    expect(r.stderr).to.match(/--cfg [\s\S]*not valid JSON \([\s\S]*line\s+3,\s+column\s+\d+\)/);
    expect(r.stderr).to.not.match(/Secret|zz9|id-1/);
  });

  it('a ${VAR} placeholder whose variable is not set', async () => {
    const file = writeJson(path.join(tempDir(), 'cfg.json'), { client_id: 'x', client_secret: '${OIH_SPEC_UNSET_SECRET}' });
    const r = await cli(['verify', 'cleverreach', '--cfg', file]);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.match(/OIH_SPEC_UNSET_SECRET is not set/);
  });

  it('--help exits 0 and documents the exit codes', async () => {
    const r = await cli(['--help']);
    expect(r.code).to.equal(0);
    expect(r.stdout).to.match(/Exit codes: 0 ok [^]* 2 bad usage or configuration [^]* 3 bad credentials [^]* 4 provider unreachable or failing/);
    for (const line of r.stdout.split('\n')) expect(line.length, line).to.be.at.most(120);
  });

  it('no command prints the help and exits 0', async () => {
    const r = await cli([]);
    expect(r.code).to.equal(0);
    expect(r.stdout + r.stderr).to.match(/Usage: oih-connectors/);
  });

  it('--version prints the version and exits 0', async () => {
    const r = await cli(['--version']);
    expect(r.code).to.equal(0);
    expect(r.stdout.trim()).to.match(/^\d+\.\d+\.\d+$/);
  });

  for (const args of [
    ['verify', 'smileback'],
    ['run', 'smileback', 'getReviewsPolling'],
  ]) {
    it(`${args[0]} without --cfg is a usage error (2) that says how to get a cfg file, before any output`, async () => {
      const env = Object.fromEntries(
        Object.keys(process.env)
          .filter((k) => k.startsWith('OIH_CFG_'))
          .map((k) => [k, '']),
      );
      const r = await cli(args, env);
      expect(r.code).to.equal(2);
      expect(r.stdout).to.equal('');
      expect(r.stderr).to.match(/^Error: No configuration: --cfg <file> is missing\nHint: [^]*npx oih-connectors simulate smileback --write-cfg/);
      for (const line of r.stderr.split('\n')) expect(line.length, line).to.be.at.most(120);
    });
  }
});
