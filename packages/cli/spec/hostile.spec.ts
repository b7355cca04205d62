import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { echoRequest, redirectTo, startCatcher } from '@oih-suite/kit/simulator';
import type { SimulatorServer } from '@oih-suite/kit/simulator';
import { credentialsSent, leakedForms } from '@oih-suite/kit/testing';
import { cli, simulatorBuilt, tempDir, writeJson } from './helpers';

interface Sim {
  cfg: Record<string, unknown>;
  server: SimulatorServer;
  stop(): Promise<void>;
}

const SIM = path.resolve(__dirname, '..', '..', '..', 'components', 'cleverreach', 'dist', 'simulator');
/** A secret with a space, `+`, `%`, `!`, brackets, `*` and a quote: raw, URL-, form- and JSON-encoding all differ. */
const AWKWARD = 'cr Secret+%!(x)*"';

/** The hostile-provider cases of the CLI: what it prints when a provider, or the user's own file, turns hostile. */
describe('oih-connectors against a hostile provider', function () {
  this.timeout(60_000);
  let sim: Sim;
  let dir: string;

  before(async function () {
    if (!simulatorBuilt('cleverreach')) this.skip();
    const { startSimulator } = require(SIM) as { startSimulator: (o: object) => Promise<Sim> };
    sim = await startSimulator({ records: 5, seed: 3 });
    dir = tempDir();
  });
  afterEach(() => sim?.server.clearFaults());
  after(async () => {
    await sim?.stop();
  });

  const output = (r: { stdout: string; stderr: string }) => `${r.stdout}\n${r.stderr}`;

  it('a broken --cfg file exits 2 naming the file, and prints no part of the secret in it', async () => {
    const secret = 'Zq9-SECRET-vAlUe-77';
    const file = path.join(dir, 'broken.json');
    fs.writeFileSync(file, `{"client_id": "abc", "client_secret": ${secret}}`);
    const r = await cli(['run', 'cleverreach', 'getReceiversPolling', '--cfg', file, '--verbose']);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.include(`--cfg ${file}: not valid JSON`);
    // No excerpt of the secret: not the whole, and no six characters of it in a row.
    for (let i = 0; i + 6 <= secret.length; i += 1) expect(output(r), 'an excerpt of the secret').not.to.include(secret.slice(i, i + 6));
  });

  it('a token endpoint echoing the form exits 3, and no secret shows in any encoding, even with --verbose', async () => {
    const faults = sim.server.stats.faults;
    sim.server.inject({ match: (req) => req.path === '/oauth/token.php', times: Infinity, response: echoRequest(401) });
    const cfg = { ...sim.cfg, client_secret: AWKWARD };
    const file = writeJson(path.join(dir, 'echo.json'), cfg);
    const r = await cli(['run', 'cleverreach', 'getReceiversPolling', '--cfg', file, '--verbose']);
    expect(sim.server.stats.faults, 'the fault was met').to.be.greaterThan(faults);
    expect(r.code, output(r)).to.equal(3);
    expect(leakedForms(output(r), [AWKWARD], cfg)).to.deep.equal([]);
  });

  it('a page answer echoing the request headers exits 4, and neither the secret nor the token obtained at run time shows, even with --verbose', async () => {
    const before = sim.server.requests.length;
    const faults = sim.server.stats.faults;
    sim.server.inject({ match: (req) => req.path.includes('/receivers'), times: Infinity, response: echoRequest(400) });
    const file = writeJson(path.join(dir, 'cfg.json'), sim.cfg);
    const r = await cli(['run', 'cleverreach', 'getReceiversPolling', '--cfg', file, '--verbose']);
    const tokens = credentialsSent(sim.server.requests.slice(before));
    expect(tokens.length, 'the run obtained a token').to.be.greaterThan(0);
    expect(sim.server.stats.faults, 'the fault was met').to.be.greaterThan(faults);
    expect(r.code, output(r)).to.equal(4);
    expect(leakedForms(output(r), [...tokens, String(sim.cfg.client_secret)], sim.cfg)).to.deep.equal([]);
  });

  it('a token request redirected to another origin exits 3 naming the host; nothing reaches it', async () => {
    const catcher = await startCatcher();
    try {
      sim.server.inject({ match: (req) => req.path === '/oauth/token.php', times: Infinity, response: redirectTo(catcher.url, 307) });
      const file = writeJson(path.join(dir, 'cfg.json'), sim.cfg);
      const r = await cli(['run', 'cleverreach', 'getReceiversPolling', '--cfg', file]);
      expect(r.code, output(r)).to.equal(3);
      expect(output(r)).to.include(new URL(catcher.url).host);
      expect(catcher.requests).to.deep.equal([]);
    } finally {
      await catcher.stop();
    }
  });
});
