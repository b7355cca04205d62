import { expect } from 'chai';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { BIN, cli, jsonLines, simulatorBuilt, tempDir, writeJson } from './helpers';

describe('oih-connectors simulate', function () {
  this.timeout(30_000);

  it('prints the base URL and test credentials, serves a run, and stops on Ctrl-C', async function () {
    if (!simulatorBuilt('cleverreach')) this.skip();
    const child = spawn(process.execPath, [BIN, 'simulate', 'cleverreach', '--records', '12'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      while (!stdout.includes('Stop it with Ctrl-C')) await new Promise((r) => setTimeout(r, 50));
      const baseUrl = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1];
      expect(baseUrl).to.be.a('string');
      const json = stdout.slice(stdout.indexOf('{'), stdout.lastIndexOf('}') + 1);
      const cfg = JSON.parse(json) as Record<string, unknown>;
      expect(cfg.baseUrl).to.equal(baseUrl);

      const cfgFile = writeJson(path.join(tempDir(), 'cfg.json'), cfg);
      const r = await cli(['run', 'cleverreach', 'getReceiversPolling', '--cfg', cfgFile, '--json']);
      expect(r.code, r.stderr).to.equal(0);
      expect(jsonLines(r.stdout).length).to.be.at.least(12);
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).to.equal(0);
  });

  it('seeds data by default and prints the identifiers step fields need, the next command and how to stop it', async function () {
    if (!simulatorBuilt('socialhub')) this.skip();
    const cfgFile = path.join(tempDir(), 'sh.json');
    const child = spawn(process.execPath, [BIN, 'simulate', 'socialhub', '--write-cfg', cfgFile], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      while (!stdout.includes('Stop it with Ctrl-C')) await new Promise((r) => setTimeout(r, 50));
      expect(stdout).to.match(/: 25 seeded records, /);
      const accountCode = /accountCode (\S+)/.exec(stdout)?.[1];
      expect(stdout).to.match(/Seeded identifiers for step fields: consumerCode \S+, cardNo \S+, accountCode \S+/);
      expect(stdout).to.include(`Next:\n  npx oih-connectors run socialhub <trigger|action> --cfg ${cfgFile}`);
      expect(stdout).to.match(/kill %1, or kill \d+/);
      for (const line of stdout.split('\n')) expect(line.length, line).to.be.at.most(120);
      const r = await cli(['run', 'socialhub', 'getPointsRecordsPolling', '--cfg', cfgFile, '--json'], { OIH_CFG_ACCOUNTCODE: accountCode! });
      expect(r.code, r.stderr).to.equal(0);
      expect(jsonLines(r.stdout).length, 'the seeded points records').to.be.greaterThan(0);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).to.equal(0);
  });

  it('an unknown provider is a usage error', async () => {
    const r = await cli(['simulate', 'nosuchprovider']);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.match(/No simulator for "nosuchprovider"/);
  });
});
