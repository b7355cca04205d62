// What `npm run package` must produce (it runs before the specs in `npm test`): per component an
// elastic.io repository root and an OIH image build context with its registration record.
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { discoverComponents, packageProblem } from './runtime/harness/discovery';
import { readImageCommand } from './runtime/harness/dockerfile';

const components = discoverComponents();
const json = (file: string): Record<string, unknown> => JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;

describe('packages: npm run package', function () {
  before(function () {
    const problems = components.map(packageProblem).filter(Boolean);
    if (problems.length) throw new Error(problems.join('\n'));
  });

  for (const component of components) {
    describe(component.provider, function () {
      const source = json(path.join(__dirname, '../components', component.provider, 'component.json'));

      it('dist-packages/<p> is an elastic.io repository root: engines, lockfile, .gitignore, descriptor, logo, README, code', function () {
        const dir = component.packageDir;
        const pkg = json(path.join(dir, 'package.json')) as {
          engines?: { node?: string };
          dependencies: Record<string, string>;
          scripts: Record<string, string>;
        };
        expect(pkg.engines?.node).to.match(/^>=\d+/);
        expect(pkg.scripts.start).to.equal('node ./node_modules/elasticio-sailor-nodejs/run.js');
        expect(Object.keys(pkg.dependencies)).to.include('elasticio-sailor-nodejs').and.not.include('@openintegrationhub/ferryman');
        const lock = json(path.join(dir, 'package-lock.json')) as { packages: Record<string, { version?: string }> };
        expect(lock.packages['node_modules/elasticio-sailor-nodejs']?.version, 'the lockfile pins sailor').to.be.a('string');
        expect(fs.readFileSync(path.join(dir, '.gitignore'), 'utf8').split('\n')).to.include('node_modules/');
        expect(json(path.join(dir, 'component.json'))).to.deep.equal(source);
        for (const file of ['logo.png', 'verifyCredentials.js']) expect(fs.existsSync(path.join(dir, file)), file).to.equal(true);
        expect(fs.readFileSync(path.join(dir, 'README.md'), 'utf8')).to.include('git push elasticio HEAD:master');
        expect(fs.existsSync(path.join(dir, 'node_modules/@openintegrationhub/ferryman')), 'no ferryman in the elastic.io package').to.equal(false);
      });

      it('dist-packages/<p>-oih has a Dockerfile: ferryman entry point, production install from the lockfile, non-root', function () {
        const dir = component.oihPackageDir;
        const image = readImageCommand(dir);
        expect(image.argv).to.deep.equal(['node', './node_modules/@openintegrationhub/ferryman/runGlobal.js']);
        expect(image.user)
          .to.be.a('string')
          .and.not.match(/^(root|0)(:|$)/);
        expect(image.env.NODE_ENV).to.equal('production');
        expect(image.runs.join('\n')).to.match(/npm ci --omit=dev/);
        const text = fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf8');
        for (const name of [
          'ELASTICIO_AMQP_URI',
          'ELASTICIO_LISTEN_MESSAGES_ON',
          'ELASTICIO_BACKCHANNEL_EXCHANGE',
          'ELASTICIO_SNAPSHOTS_SERVICE_BASE_URL',
        ])
          expect(text, `the Dockerfile documents ${name}`).to.include(name);
        for (const name of Object.keys((source.envVars as Record<string, unknown>) ?? {})) expect(text).to.include(name);
        expect(fs.readFileSync(path.join(dir, '.dockerignore'), 'utf8').split('\n')).to.include('node_modules');
        const lock = json(path.join(dir, 'package-lock.json')) as { packages: Record<string, unknown> };
        expect(lock.packages).to.have.property('node_modules/@openintegrationhub/ferryman');
        expect(lock.packages).to.not.have.property('node_modules/elasticio-sailor-nodejs');
      });

      it('dist-packages/<p>-oih/component-repository.json is a valid registration record', function () {
        const record = json(path.join(component.oihPackageDir, 'component-repository.json')) as {
          name: string;
          description: string;
          access: string;
          distribution: { type: string; image: string };
          descriptor: unknown;
          applicationUid: string;
        };
        // The component repository's MutableComponent: name (max 50) and distribution are required.
        expect(record.name).to.equal(source.title).and.have.length.within(1, 50);
        expect(record.description.length).to.be.within(1, 300);
        expect(record.access).to.be.oneOf(['private', 'public']);
        expect(record.distribution.type).to.equal('docker');
        expect(record.distribution.image).to.match(new RegExp(`/${component.provider}:\\d+\\.\\d+\\.\\d+$`));
        expect(record.applicationUid).to.equal(component.provider);
        expect(record.descriptor).to.deep.equal(source);
      });
    });
  }
});

describe('the example OIH flow (deploy/oih/cleverreach-to-socialhub.flow.json)', function () {
  interface Node {
    id: string;
    componentId: string;
    function: string;
    fields: Record<string, unknown>;
  }
  const flow = json(path.join(__dirname, '../deploy/oih/cleverreach-to-socialhub.flow.json')) as {
    name: string;
    graph: { nodes: Node[]; edges: { id?: string; source: string; target: string }[] };
  };

  it("matches the flow repository's graph schema: nodes with id, componentId and function; edges between them", function () {
    expect(flow.name).to.be.a('string');
    const ids = flow.graph.nodes.map((n) => n.id);
    for (const node of flow.graph.nodes) {
      expect(node.id.length, 'node ids have at most 30 characters').to.be.within(1, 30);
      expect(node.componentId).to.be.a('string').and.not.be.empty;
      expect(node.function).to.be.a('string').and.not.be.empty;
    }
    expect(flow.graph.edges).to.have.length(ids.length - 1);
    for (const edge of flow.graph.edges) {
      expect(ids).to.include(edge.source).and.include(edge.target);
      expect(String(edge.id).length, 'edge ids have at most 10 characters').to.be.at.most(10);
    }
  });

  it('names functions and fields that the two components declare', function () {
    const byNode = { cleverreach: 'cleverreach', socialhub: 'socialhub' } as Record<string, string>;
    for (const node of flow.graph.nodes) {
      const descriptor = json(path.join(__dirname, '../components', byNode[node.id], 'component.json')) as Record<
        'triggers' | 'actions',
        Record<string, { fields?: Record<string, unknown> }>
      >;
      const step = descriptor.triggers?.[node.function] ?? descriptor.actions?.[node.function];
      expect(step, `${node.id}: ${node.function} exists`).to.not.equal(undefined);
      expect(Object.keys(step.fields ?? {})).to.include.members(Object.keys(node.fields));
    }
  });
});
