import { expect } from 'chai';
import path from 'node:path';
import { echoRequest } from '@oih-suite/kit/simulator';
import type { SimulatorServer } from '@oih-suite/kit/simulator';
import { credentialsSent, leakedForms } from '@oih-suite/kit/testing';
import { cli, simulatorBuilt, tempDir, writeJson } from './helpers';

interface Sim {
  cfg: Record<string, unknown>;
  server: SimulatorServer;
  stop(): Promise<void>;
}

const SIM = path.resolve(__dirname, '..', '..', '..', 'components', 'cleverreach', 'dist', 'simulator');

/** The hostile-provider cases of the CLI: what it prints, and how it exits, when a provider (or the user's own file) turns hostile. */
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

  it('a page answer echoing the request headers exits 4, and neither the secret nor the token obtained at run time shows, even with --verbose', async () => {
    const before = sim.server.requests.length;
    sim.server.inject({ match: (req) => req.path.includes('/receivers'), times: Infinity, response: echoRequest(400) });
    const file = writeJson(path.join(dir, 'cfg.json'), sim.cfg);
    const r = await cli(['run', 'cleverreach', 'getReceiversPolling', '--cfg', file, '--verbose']);
    const tokens = credentialsSent(sim.server.requests.slice(before));
    expect(tokens.length, 'the run obtained a token').to.be.greaterThan(0);
    expect(sim.server.stats.faults).to.be.greaterThan(0);
    expect(r.code, output(r)).to.equal(4);
    expect(leakedForms(output(r), [...tokens, String(sim.cfg.client_secret)], sim.cfg)).to.deep.equal([]);
  });
});
