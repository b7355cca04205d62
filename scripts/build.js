#!/usr/bin/env node
// Compiles every workspace that has a tsconfig.json, kit first, then components, then the CLI
// (tsc -b follows their project references and skips what is up to date).
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const projects = ['packages/kit'];
for (const dir of fs.readdirSync(path.join(root, 'components')).sort()) {
  if (fs.existsSync(path.join(root, 'components', dir, 'tsconfig.json'))) projects.push(`components/${dir}`);
}
if (fs.existsSync(path.join(root, 'packages/cli/tsconfig.json'))) projects.push('packages/cli');
const tsc = require.resolve('typescript/bin/tsc');
try {
  execFileSync(process.execPath, [tsc, '-b', ...projects], { cwd: root, stdio: 'inherit' });
} catch {
  process.exit(1);
}
