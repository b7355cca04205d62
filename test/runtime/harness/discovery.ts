import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../../..');
export const PACKAGES = path.join(ROOT, 'dist-packages');

export interface ComponentUnderTest {
  provider: string;
  packageDir: string;
  fixtureFile: string;
}

/** Every components/<p> with a component.json: all of them must be packaged and have a runtime fixture. */
export function discoverComponents(): ComponentUnderTest[] {
  const dir = path.join(ROOT, 'components');
  return fs
    .readdirSync(dir)
    .filter((p) => fs.existsSync(path.join(dir, p, 'component.json')))
    .sort()
    .map((provider) => ({
      provider,
      packageDir: path.join(PACKAGES, provider),
      fixtureFile: path.join(__dirname, '..', 'fixtures', `${provider}.ts`),
    }));
}

/** Why a component cannot be run from its package, or undefined when it can. */
export function packageProblem(component: ComponentUnderTest): string | undefined {
  if (!fs.existsSync(PACKAGES)) return 'dist-packages/ is missing: run `npm run package` first';
  const needed = [
    'component.json',
    'node_modules/elasticio-sailor-nodejs/run.js',
    'node_modules/@openintegrationhub/ferryman/runGlobal.js',
    'node_modules/@oih-suite/kit',
  ];
  const missing = needed.filter((file) => !fs.existsSync(path.join(component.packageDir, file)));
  if (missing.length) return `dist-packages/${component.provider} lacks ${missing.join(', ')}: run \`npm run package\``;
  return undefined;
}
