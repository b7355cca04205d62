// The components in their real runtimes: sailor and ferryman spawned from the packaged folders
// (dist-packages/<p>, built by `npm run package`) against a private RabbitMQ, a stub platform and
// each component's simulator. See test/runtime/harness for the pieces.
import fs from 'node:fs';
import { Broker, INSTALL_HINT, rabbitmqInstalled } from './harness/broker';
import { stopAll } from './harness/child';
import { cipher, openBuses, suite } from './harness/context';
import { ComponentUnderTest, discoverComponents, packageProblem } from './harness/discovery';
import type { RuntimeFixture } from './harness/fixture';
import { PlatformStub } from './harness/platform';
import { describeAction } from './suites/action';
import { describeExampleFlow } from './suites/flow';
import { describeTwoRuns } from './suites/trigger';
import { describeVerify } from './suites/verify';

const components = discoverComponents();

function loadFixture(component: ComponentUnderTest): () => RuntimeFixture {
  return () => {
    if (!fs.existsSync(component.fixtureFile))
      throw new Error(`no runtime fixture test/runtime/fixtures/${component.provider}.ts for ${component.provider}`);
    const loaded = require(component.fixtureFile) as { fixture: RuntimeFixture };
    return loaded.fixture;
  };
}

describe('runtime: components in sailor and ferryman on RabbitMQ', function () {
  const broker = new Broker();
  const platform = new PlatformStub();

  before(async function () {
    this.timeout(90_000);
    if (!rabbitmqInstalled()) {
      if (process.env.CI === 'true')
        throw new Error(`RabbitMQ is not installed, and with CI=true the runtime tests must run. Install it with: ${INSTALL_HINT}`);
      console.log(`\n    SKIPPED: RabbitMQ is not installed, so the runtime tests are skipped. Install it with: ${INSTALL_HINT}\n`);
      this.skip();
    }
    const problems = components.map(packageProblem).filter((p): p is string => !!p);
    if (problems.length) throw new Error([...new Set(problems)].join('\n'));
    await broker.start();
    await platform.start();
    suite.env = { brokerUrl: broker.url, platform, cipher };
    suite.platform = platform;
  });

  afterEach(async function () {
    this.timeout(30_000);
    await stopAll();
    for (const bus of openBuses.splice(0)) await bus.close();
  });

  after(async function () {
    this.timeout(30_000);
    try {
      await stopAll();
      await platform.stop();
    } finally {
      await broker.stop();
    }
  });

  if (!components.length) it('has components to run (none has a component.json yet)');

  for (const component of components) {
    describe(component.provider, function () {
      const fixture = loadFixture(component);
      describeTwoRuns('sailor', component, fixture);
      describeAction('sailor', component, fixture);
      describeTwoRuns('ferryman', component, fixture);
      describeAction('ferryman', component, fixture);
      describeVerify(component, fixture);
    });
  }

  if (components.some((c) => c.provider === 'cleverreach') && components.some((c) => c.provider === 'socialhub')) {
    describe('example flow (deploy/oih)', describeExampleFlow);
  }
});
