import { expect } from 'chai';
import { NO_OWNER, ReceiverIndex, numericId } from '../lib/receiverIndex';

const UNTIL = 2_000;
const seen = (id: number, group: number, stamp: number, page = 0, active = true) => ({ id, group, page, stamp, active });

describe('ReceiverIndex', () => {
  it('gives a receiver to the group holding its newest stamp, ties to the first group, with all groups and their states', () => {
    const index = new ReceiverIndex(3, UNTIL);
    index.add(seen(7, 0, 100, 4));
    index.add(seen(7, 2, 150, 1, false));
    index.add(seen(8, 1, 100));
    index.add(seen(8, 0, 100, 2));
    expect(index.owner(7)).to.equal(2);
    expect(index.owner(8)).to.equal(0);
    expect(index.memberships(7)).to.deep.equal([
      { group: 0, active: true },
      { group: 2, active: false },
    ]);
    expect([...index.pagesToEmit(2, 0)]).to.deep.equal([1]);
    expect([...index.pagesToEmit(0, 0)]).to.deep.equal([2]);
    expect([...index.pagesToEmit(0, 101)]).to.deep.equal([]);
    expect(index.owner(9)).to.equal(undefined);
  });

  it('leaves a receiver with a stamp past the bound in any group to the next run', () => {
    const index = new ReceiverIndex(2, UNTIL);
    index.add(seen(1, 0, UNTIL));
    index.add(seen(1, 1, UNTIL + 1));
    index.add(seen(2, 0, UNTIL + 5));
    index.add(seen(2, 1, 10));
    expect(index.owner(1)).to.equal(NO_OWNER);
    expect(index.owner(2)).to.equal(NO_OWNER);
  });

  it('emits a receiver once per run and keeps everything when it grows (more than 32 groups too)', () => {
    const index = new ReceiverIndex(40, UNTIL, 16);
    for (let id = 1; id <= 5000; id += 1) index.add(seen(id * 7919, id % 40, id % 1000));
    index.add(seen(7919, 39, 1999));
    expect(index.size).to.equal(5000);
    expect(index.owner(7919)).to.equal(39);
    expect(index.memberships(7919).map((m) => m.group)).to.deep.equal([1, 39]);
    expect(index.markEmitted(7919)).to.equal(true);
    expect(index.markEmitted(7919)).to.equal(false);
    expect(index.bytes / index.size, 'bytes per receiver').to.be.below(100);
  });

  it('accepts numeric ids as numbers or digit strings and names anything else', () => {
    expect(numericId('279')).to.equal(279);
    expect(numericId(42)).to.equal(42);
    for (const bad of ['abc', '', undefined, -1, '1e3', 1.5])
      expect(() => numericId(bad), String(bad)).to.throw(/receiver whose id is not numeric: id/);
  });
});
