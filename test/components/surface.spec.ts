// The lines between the parts: a component's lib code uses only the kit's public surface (the
// engine, testing and simulator subpaths are for the runtime, tests and fakes), and a simulator
// imports nothing of the connector it fakes, so the two cannot share a wrong assumption.
import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import * as kit from '@oih-suite/kit';
import * as engine from '@oih-suite/kit/engine';

const root = path.resolve(__dirname, '..', '..');
const componentsDir = path.join(root, 'components');
const components = fs.readdirSync(componentsDir).filter((dir) => fs.existsSync(path.join(componentsDir, dir, 'component.json')));

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return /\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [file] : [];
  });
}

/** Every module a file imports, requires or imports dynamically. */
function importsOf(file: string): string[] {
  return ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true).importedFiles.map((ref) => ref.fileName);
}

const relative = (file: string) => path.relative(root, file);
const isInside = (target: string, dir: string) => target === dir || target.startsWith(dir + path.sep);

describe('the parts keep to their lines', () => {
  for (const id of components) {
    describe(id, () => {
      const dir = path.join(componentsDir, id);

      it("lib code imports the kit's public surface only", () => {
        const outside = sourceFiles(path.join(dir, 'lib')).flatMap((file) =>
          importsOf(file)
            .filter((spec) => spec.startsWith('@oih-suite/kit/') || spec.includes('packages/kit'))
            .map((spec) => `${relative(file)}: ${spec}`),
        );
        expect(outside).to.deep.equal([]);
      });

      it('the simulator imports no connector code', () => {
        const lib = path.join(dir, 'lib');
        const shared = sourceFiles(path.join(dir, 'simulator')).flatMap((file) =>
          importsOf(file)
            .filter((spec) => spec.startsWith('.') && isInside(path.resolve(path.dirname(file), spec), lib))
            .map((spec) => `${relative(file)}: ${spec}`),
        );
        expect(shared).to.deep.equal([]);
      });
    });
  }

  it("keeps the engine's machinery out of the kit's root export", () => {
    for (const name of ['runPolling', 'pollOnce', 'runAction', 'createContext', 'compileUncached', 'metrics', 'timing', 'resetSharedThrottles']) {
      expect(kit, name).to.not.have.property(name);
      expect(engine, name).to.have.property(name);
    }
    expect(Object.keys(kit).filter((name) => name in engine)).to.deep.equal([]);
  });

  it("puts the HTTP layer's origin, body and limit API where its users are", () => {
    // What a component's client uses (origin checks for next links and stored positions, the settings reader).
    for (const name of ['checkUrl', 'readHttpSettings']) expect(kit, name).to.have.property(name);
    // The redaction machinery the context and the HTTP client apply at the boundary.
    for (const name of ['redactError', 'secretForms']) {
      expect(engine, name).to.have.property(name);
      expect(kit, name).to.not.have.property(name);
    }
  });
});
