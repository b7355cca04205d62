#!/usr/bin/env node
// Compiles bench/ to plain JavaScript and runs it. Compiled rather than ts-node so the child
// processes that measure memory do not carry the TypeScript compiler in their heap.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const tsc = require.resolve('typescript/bin/tsc');
try {
  execFileSync(process.execPath, [tsc, '-p', path.join(__dirname, 'tsconfig.json')], { stdio: 'inherit' });
} catch {
  process.exit(1);
}
require('./dist/bench/run.js')
  .main(process.argv.slice(2))
  .then(
    (code) => process.exit(code),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
