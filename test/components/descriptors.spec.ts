// component.json and the step schemas of every described component are generated from its
// lib/component.ts (`npm run generate`); the committed files must be exactly what the generator writes.
import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';

const { root, describedComponents, expectedFiles } = require('../../scripts/descriptors.js') as {
  root: string;
  describedComponents: () => string[];
  expectedFiles: (id: string) => Promise<{ file: string; text: string }[]>;
};

describe('generated descriptors', () => {
  it('MaestroQA is written as a description', () => {
    expect(describedComponents()).to.include('maestroqa');
  });

  for (const id of describedComponents()) {
    it(`${id}: component.json and the step schemas are up to date (npm run generate)`, async () => {
      const stale: string[] = [];
      for (const { file, text } of await expectedFiles(id)) {
        const committed = fs.existsSync(path.join(root, file)) ? fs.readFileSync(path.join(root, file), 'utf8') : undefined;
        if (committed !== text) stale.push(file);
      }
      expect(stale, 'out of date: run npm run generate and commit the result').to.deep.equal([]);
    });
  }
});
