// One name per setting: every `{{NAME}}` a component.json asks the platform to fill in is declared
// in its envVars and is what the code reads from the environment.
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';

const root = path.resolve(__dirname, '../../components');

function sources(dir: string): string {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .map((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return sources(full);
      return entry.name.endsWith('.ts') ? fs.readFileSync(full, 'utf8') : '';
    })
    .join('\n');
}

describe('component.json environment placeholders', function () {
  for (const provider of fs.readdirSync(root).filter((p) => fs.existsSync(path.join(root, p, 'component.json')))) {
    it(`${provider}: every {{NAME}} is a declared envVar that the code reads`, function () {
      const text = fs.readFileSync(path.join(root, provider, 'component.json'), 'utf8');
      const declared = Object.keys((JSON.parse(text) as { envVars?: Record<string, unknown> }).envVars ?? {});
      const code = sources(path.join(root, provider, 'lib'));
      for (const [, name] of text.matchAll(/\{\{(\w+)\}\}/g)) {
        expect(declared, `${name} in envVars`).to.include(name);
        expect(code, `lib/ reads process.env.${name}`).to.include(`process.env.${name}`);
      }
      for (const name of declared) expect(code, `lib/ reads process.env.${name}`).to.include(`process.env.${name}`);
    });
  }
});
