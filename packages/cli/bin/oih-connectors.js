#!/usr/bin/env node
// The command npm links as `oih-connectors` (npx oih-connectors ...). It exists before the build so
// that `npm ci` can link it; the CLI itself is the compiled dist/bin.js.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const compiled = path.join(__dirname, '..', 'dist', 'bin.js');
if (!fs.existsSync(compiled)) {
  process.stderr.write('oih-connectors is not built yet: run `npm run build` at the repository root first.\n');
  process.exit(2);
}
require(compiled);
