import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../../..');
export const PACKAGES = path.join(ROOT, 'dist-packages');

export interface ComponentUnderTest {
  provider: string;
  /** dist-packages/<p>: the elastic.io repository root (sailor). */
  packageDir: string;
  /** dist-packages/<p>-oih: the OIH image's build context (ferryman, Dockerfile). */
  oihPackageDir: string;
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
      oihPackageDir: path.join(PACKAGES, `${provider}-oih`),
      fixtureFile: path.join(__dirname, '..', 'fixtures', `${provider}.ts`),
    }));
}

/** Why a component cannot be run from its package, or undefined when it can. */
export function packageProblem(component: ComponentUnderTest): string | undefined {
  if (!fs.existsSync(PACKAGES)) return 'dist-packages/ is missing: run `npm run package` first';
  const needed: [string, string[]][] = [
    [component.packageDir, ['component.json', 'package-lock.json', 'node_modules/elasticio-sailor-nodejs/run.js', 'node_modules/@oih-suite/kit']],
    [
      component.oihPackageDir,
      ['component.json', 'Dockerfile', 'node_modules/@openintegrationhub/ferryman/runGlobal.js', 'node_modules/@oih-suite/kit'],
    ],
  ];
  for (const [dir, files] of needed) {
    const missing = files.filter((file) => !fs.existsSync(path.join(dir, file)));
    if (missing.length) return `dist-packages/${path.basename(dir)} lacks ${missing.join(', ')}: run \`npm run package\``;
  }
  return undefined;
}

/** The folder a runtime runs the component from: sailor the elastic.io package, ferryman the OIH image's. */
export function packageFor(kind: 'sailor' | 'ferryman', component: ComponentUnderTest): string {
  return kind === 'sailor' ? component.packageDir : component.oihPackageDir;
}
