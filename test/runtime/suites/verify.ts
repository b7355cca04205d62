import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import { Child } from '../harness/child';
import type { ComponentUnderTest } from '../harness/discovery';
import type { RuntimeFixture } from '../harness/fixture';
import { runtimeEnv } from '../harness/context';

interface ServiceResult {
  status: string;
  data: { verified?: boolean; reason?: string; message?: string };
}

/** sailor's service entry, as the platform calls it when a user saves credentials. */
async function verifyThroughRunService(component: ComponentUnderTest, cfg: Record<string, unknown>): Promise<ServiceResult> {
  const { platform } = runtimeEnv();
  const id = randomUUID();
  const child = new Child({
    name: 'runService verifyCredentials',
    command: process.execPath,
    args: ['node_modules/elasticio-sailor-nodejs/runService.js', 'verifyCredentials'],
    cwd: component.packageDir,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      LOG_LEVEL: 'info',
      ELASTICIO_POST_RESULT_URL: `${platform.url}/results/${id}`,
      ELASTICIO_CFG: JSON.stringify(cfg),
      ELASTICIO_API_URI: platform.url,
      ELASTICIO_API_USERNAME: 'runtime-test@example.com',
      ELASTICIO_API_KEY: 'platform-api-key',
    },
  });
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 20_000).unref());
  const outcome = await Promise.race([child.exited, timeout]);
  if (outcome === 'timeout') await child.stop(1000);
  expect(outcome, `runService exit\n${child.tail()}`).to.equal(0);
  const result = platform.results.get(id);
  expect(result, `runService posted no result\n${child.tail()}`).to.be.an('object');
  return result as ServiceResult;
}

export function describeVerify(component: ComponentUnderTest, fixture: () => RuntimeFixture): void {
  it('sailor runService: verifyCredentials with good credentials → {verified: true}', async function () {
    this.timeout(30_000);
    const sim = await fixture().startSimulator();
    try {
      const result = await verifyThroughRunService(component, sim.cfg);
      expect(result).to.deep.equal({ status: 'success', data: { verified: true } });
      expect(sim.server.requests.length, 'verification reached the provider').to.be.greaterThan(0);
    } finally {
      await sim.stop();
    }
  });

  it('sailor runService: verifyCredentials with bad credentials → {verified: false, reason}', async function () {
    this.timeout(30_000);
    const f = fixture();
    const sim = await f.startSimulator();
    try {
      const bad = f.badCredentials(sim);
      const result = await verifyThroughRunService(component, bad);
      expect(result.status).to.equal('success');
      expect(result.data.verified).to.equal(false);
      expect(result.data.reason).to.be.a('string').and.not.be.empty;
      // The reason is shown to the user and logged: it must not repeat a secret.
      for (const value of Object.values(bad))
        if (typeof value === 'string' && value.length >= 8 && !/^https?:/.test(value)) expect(result.data.reason).not.to.include(value);
    } finally {
      await sim.stop();
    }
  });
}
