// The generated descriptors of every component that describes itself (lib/component.ts, compiled
// to dist/lib/component.js): component.json and the step schemas, formatted as Prettier formats
// them. `npm run generate` writes them; test/components/descriptors.spec.ts checks the committed ones.
const fs = require('node:fs');
const path = require('node:path');
const prettier = require('prettier');

const root = path.resolve(__dirname, '..');
const componentsDir = path.join(root, 'components');

/** The ids of components written as descriptions. */
function describedComponents() {
  return fs
    .readdirSync(componentsDir)
    .filter((id) => fs.existsSync(path.join(componentsDir, id, 'lib', 'component.ts')))
    .sort();
}

/** [{file, text}] of one component, paths relative to the repository root. */
async function expectedFiles(id) {
  const dir = path.join(componentsDir, id);
  const compiled = path.join(dir, 'dist', 'lib', 'component.js');
  if (!fs.existsSync(compiled)) throw new Error(`${compiled} is missing: run npm run build first`);
  const { generateDescriptors } = require('@oih-suite/kit/engine');
  const description = require(compiled).default;
  const files = generateDescriptors(description);
  return Promise.all(
    Object.entries(files).map(async ([relative, value]) => {
      const file = path.join(dir, relative);
      const options = (await prettier.resolveConfig(file)) ?? {};
      return { file: path.relative(root, file), text: await prettier.format(JSON.stringify(value), { ...options, filepath: file }) };
    }),
  );
}

module.exports = { root, describedComponents, expectedFiles };
