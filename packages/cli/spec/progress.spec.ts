import { expect } from 'chai';
import { now } from '@oih-suite/kit';
import { metrics, waiting } from '@oih-suite/kit/engine';
import { Progress } from '../src/output/progress';
import { count } from '../src/output/table';

describe('progress line', () => {
  afterEach(() => {
    waiting.current = undefined;
  });

  it('shows a wait while it lasts, with what it waits on', () => {
    const progress = new Progress('maestroqa getCoachingSessionsPolling');
    waiting.current = { untilMs: now() + 23_000, reason: 'the 30/min limit' };
    expect(progress.line()).to.match(/ · waiting 2[23]\.\d s on the 30\/min limit · /);
    waiting.current = { untilMs: now() - 1, reason: 'the 30/min limit' };
    expect(progress.line()).to.not.include('waiting ');
  });

  it('counts in words with the right plural', () => {
    const progress = new Progress('x');
    metrics.messages += 1;
    try {
      expect(progress.line()).to.match(/^x: 1 message · 0 tombstones · 0 pages · 0 requests · /);
    } finally {
      metrics.messages -= 1;
    }
    expect(count(1, 'call')).to.equal('1 call');
    expect(count(2, 'deleted review')).to.equal('2 deleted reviews');
  });
});
