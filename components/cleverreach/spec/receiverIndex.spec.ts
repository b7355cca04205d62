import { expect } from 'chai';
import { NO_OWNER, ReceiverIndex, receiverKey } from '../lib/receiverIndex';

const UNTIL = 2_000;
const key = (n: number) => receiverKey(`r${n}@example.com`, n);
const seen = (n: number, group: number, stamp: number, page = 0, active = true) => ({ key: key(n), group, page, stamp, active });

describe('ReceiverIndex', () => {
  it('gives a receiver to the group holding its newest stamp, ties to the first group, with all groups and their states', () => {
    const index = new ReceiverIndex(3, UNTIL);
    index.add(seen(7, 0, 100, 4));
    index.add(seen(7, 2, 150, 1, false));
    index.add(seen(8, 1, 100));
    index.add(seen(8, 0, 100, 2));
    expect(index.owner(key(7))).to.equal(2);
    expect(index.owner(key(8))).to.equal(0);
    expect(index.memberships(key(7))).to.deep.equal([
      { group: 0, active: true },
      { group: 2, active: false },
    ]);
    expect([...index.pagesToEmit(2, 0)]).to.deep.equal([1]);
    expect([...index.pagesToEmit(0, 0)]).to.deep.equal([2]);
    expect([...index.pagesToEmit(0, 101)]).to.deep.equal([]);
    expect(index.owner(key(9))).to.equal(undefined);
  });

  it('leaves a receiver with a stamp past the bound in any group to the next run', () => {
    const index = new ReceiverIndex(2, UNTIL);
    index.add(seen(1, 0, UNTIL));
    index.add(seen(1, 1, UNTIL + 1));
    index.add(seen(2, 0, UNTIL + 5));
    index.add(seen(2, 1, 10));
    expect(index.owner(key(1))).to.equal(NO_OWNER);
    expect(index.owner(key(2))).to.equal(NO_OWNER);
  });

  it('emits a receiver once per run and keeps everything when it grows (more than 32 groups too)', () => {
    const index = new ReceiverIndex(40, UNTIL, 16);
    for (let n = 1; n <= 20_000; n += 1) index.add(seen(n, n % 40, n % 1000));
    index.add(seen(1, 39, 1999));
    expect(index.size).to.equal(20_000);
    expect(index.owner(key(1))).to.equal(39);
    expect(index.memberships(key(1)).map((m) => m.group)).to.deep.equal([1, 39]);
    expect(index.markEmitted(key(1))).to.equal(true);
    expect(index.markEmitted(key(1))).to.equal(false);
    expect(index.bytes / index.size, 'bytes per receiver').to.be.below(100);
  });

  it('claim: the owning group gets the memberships once, any other group null, an unseen receiver undefined', () => {
    const index = new ReceiverIndex(3, UNTIL);
    index.add(seen(7, 0, 100, 4));
    index.add(seen(7, 2, 150, 1, false));
    expect(index.claim(key(7), 0), 'not the owner').to.equal(null);
    expect(index.claim(key(7), 2)).to.deep.equal([
      { group: 0, active: true },
      { group: 2, active: false },
    ]);
    expect(index.claim(key(7), 2), 'already emitted').to.equal(null);
    expect(index.markEmitted(key(7))).to.equal(false);
    expect(index.claim(key(9), 0)).to.equal(undefined);
    index.add(seen(8, 1, UNTIL + 1));
    expect(index.claim(key(8), 1), 'changed after the bound: no owner in this run').to.equal(null);
  });

  it('knows a receiver by its e-mail address in any case (ids may differ per group), by its id without one', () => {
    expect(receiverKey(' Anna@Example.com ', 1)).to.deep.equal(receiverKey('anna@example.com', 2));
    expect(receiverKey('anna@example.com', 1)).to.not.deep.equal(receiverKey('anne@example.com', 1));
    expect(receiverKey('', 5)).to.deep.equal(receiverKey(undefined, '5'));
    expect(receiverKey('', 5)).to.not.deep.equal(receiverKey('', 6));
    const hashes = new Set<number>();
    for (let n = 0; n < 50_000; n += 1) hashes.add(receiverKey(`person.${n}@example.com`, n).hash);
    expect(hashes.size, 'no collisions among 50,000 addresses').to.equal(50_000);
  });
});
