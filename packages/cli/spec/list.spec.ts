import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { COMPONENTS, cli } from './helpers';

describe('oih-connectors list', function () {
  this.timeout(30_000);

  const present = fs.readdirSync(COMPONENTS).filter((dir) => fs.existsSync(path.join(COMPONENTS, dir, 'component.json')));

  it('shows every component with each trigger and action and its title', async () => {
    const r = await cli(['list']);
    expect(r.code).to.equal(0);
    expect(present.length, 'at least one component.json').to.be.greaterThan(0);
    for (const id of present) {
      const descriptor = JSON.parse(fs.readFileSync(path.join(COMPONENTS, id, 'component.json'), 'utf8')) as {
        triggers?: Record<string, { title?: string }>;
        actions?: Record<string, { title?: string }>;
      };
      expect(r.stdout).to.include(id);
      for (const [name, def] of Object.entries(descriptor.triggers ?? {}))
        expect(r.stdout).to.match(new RegExp(`trigger\\s+${name}\\s+${escape(def.title ?? '')}`));
      for (const [name, def] of Object.entries(descriptor.actions ?? {}))
        expect(r.stdout).to.match(new RegExp(`action\\s+${name}\\s+${escape(def.title ?? '')}`));
    }
  });

  it('--json gives the same as one parseable document', async () => {
    const r = await cli(['list', '--json']);
    expect(r.code).to.equal(0);
    const parsed = JSON.parse(r.stdout) as { component: string; triggers: { name: string }[]; actions: { name: string }[] }[];
    expect(parsed.map((c) => c.component)).to.deep.equal([...present].sort());
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
