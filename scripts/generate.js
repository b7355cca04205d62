#!/usr/bin/env node
// `npm run generate`: writes component.json and the step schemas of every described component from
// its lib/component.ts (after a build). Commit the result; a test fails while they are out of date.
const fs = require('node:fs');
const path = require('node:path');
const { root, describedComponents, expectedFiles } = require('./descriptors');

async function main() {
  for (const id of describedComponents()) {
    for (const { file, text } of await expectedFiles(id)) {
      const target = path.join(root, file);
      const before = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : undefined;
      if (before === text) continue;
      fs.writeFileSync(target, text);
      console.log(`wrote ${file}`);
    }
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
