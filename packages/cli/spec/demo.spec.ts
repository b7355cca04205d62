import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { cli, tempDir } from './helpers';

describe('oih-connectors demo', function () {
  this.timeout(120_000);

  it('runs the flow, saves its snapshots, and the second run is incremental; --reset starts over', async () => {
    const dir = path.join(tempDir(), 'demo');
    const first = await cli(['demo', '--state-dir', dir]);
    expect(first.code, first.stderr).to.equal(0);
    expect(first.stdout).to.include('run #1 · first run: full sync');
    expect(first.stdout).to.match(/rate limits OFF/);
    expect(first.stdout).to.match(/step\s+read\s+wrote\s+skipped/);
    expect(fs.existsSync(path.join(dir, 'state.json'))).to.equal(true);

    const second = await cli(['demo', '--state-dir', dir]);
    expect(second.code, second.stderr).to.equal(0);
    for (const line of `${first.stdout}\n${second.stdout}`.split('\n')) expect(line.length, `fits 120 columns: ${line}`).to.be.at.most(120);
    expect(first.stdout, 'plurals').to.not.match(/\b1 (calls|deleted reviews|events|messages)\b/);
    expect(second.stdout).to.include('run #2 · incremental');
    expect(second.stdout).to.match(/Incremental run: (nothing new|the triggers read only the \d+ records changed)/);
    // Every trigger read fewer records than in the full run.
    const reads = (out: string) => new Map([...out.matchAll(/^(\S.*?(?:Polling|sessions))\s+(\d+)\s/gm)].map((m) => [m[1].trim(), Number(m[2])]));
    const full = reads(first.stdout);
    expect(reads(second.stdout).size, 'trigger rows in the table').to.be.greaterThan(0);
    for (const [step, n] of reads(second.stdout)) if ((full.get(step) ?? 0) > 20) expect(n, step).to.be.lessThan(full.get(step)!);

    const reset = await cli(['demo', '--state-dir', dir, '--reset']);
    expect(reset.code, reset.stderr).to.equal(0);
    expect(reset.stdout).to.include('run #1 · first run: full sync');
  });
});
