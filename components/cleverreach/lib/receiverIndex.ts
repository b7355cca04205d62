import { ProviderError } from '@oih-suite/kit';

/** No group owns the receiver's change in this run (it changed after the run's upper bound). */
export const NO_OWNER = -1;

export interface Sighting {
  id: number;
  group: number;
  page: number;
  /** The membership's newest stamp, unix seconds (0: none). */
  stamp: number;
  active: boolean;
}

/**
 * What the two-pass scan remembers per receiver, in typed arrays (an open-addressing hash on the
 * numeric id), never the records: the newest stamp up to the run's bound and the group and page
 * holding it, the groups it is a member of and is active in, and whether it was emitted. About
 * 20 + groups/4 bytes per slot, at most 70 % of slots used.
 */
export class ReceiverIndex {
  private keys: Float64Array;
  private stamps: Uint32Array;
  private owners: Int32Array;
  private pages: Uint32Array;
  private members: Uint32Array;
  private actives: Uint32Array;
  private emittedFlags: Uint8Array;
  private used = 0;
  private readonly words: number;

  constructor(
    groups: number,
    /** Stamps newer than this (unix seconds) are changes for the next run. */
    private readonly untilSeconds: number,
    capacity = 1024,
  ) {
    this.words = Math.max(1, Math.ceil(groups / 32));
    this.keys = new Float64Array(0);
    this.stamps = new Uint32Array(0);
    this.owners = new Int32Array(0);
    this.pages = new Uint32Array(0);
    this.members = new Uint32Array(0);
    this.actives = new Uint32Array(0);
    this.emittedFlags = new Uint8Array(0);
    this.allocate(nextPowerOfTwo(capacity));
  }

  get size(): number {
    return this.used;
  }

  /** Bytes held by the index (the typed arrays). */
  get bytes(): number {
    return [this.keys, this.stamps, this.owners, this.pages, this.members, this.actives, this.emittedFlags].reduce((n, a) => n + a.byteLength, 0);
  }

  /** Records a membership as read from a group's page. */
  add(s: Sighting): void {
    if (this.used + 1 > this.keys.length * 0.7) this.grow();
    let slot = this.find(s.id);
    if (slot < 0) {
      slot = ~slot;
      this.keys[slot] = s.id;
      this.stamps[slot] = 0;
      this.owners[slot] = s.group;
      this.pages[slot] = s.page;
      this.used += 1;
    }
    const word = slot * this.words + (s.group >>> 5);
    const bit = 1 << (s.group & 31);
    this.members[word] |= bit;
    if (s.active) this.actives[word] |= bit;
    else this.actives[word] &= ~bit;
    const owner = this.owners[slot];
    if (owner === NO_OWNER) return;
    if (s.stamp > this.untilSeconds) {
      // Changed after the bound: the next run emits it with that change; this run does not.
      this.owners[slot] = NO_OWNER;
      return;
    }
    const newer = s.stamp > this.stamps[slot] || (s.stamp === this.stamps[slot] && s.group < owner);
    if (newer || (owner === s.group && s.stamp === this.stamps[slot])) {
      this.stamps[slot] = s.stamp;
      this.owners[slot] = s.group;
      this.pages[slot] = s.page;
    }
  }

  /** The group that emits the receiver (NO_OWNER: none in this run), or undefined when unknown. */
  owner(id: number): number | undefined {
    const slot = this.find(id);
    return slot < 0 ? undefined : this.owners[slot];
  }

  /** The group indexes the receiver is a member of, and whether it is active in each. */
  memberships(id: number): { group: number; active: boolean }[] {
    const slot = this.find(id);
    if (slot < 0) return [];
    const out: { group: number; active: boolean }[] = [];
    for (let w = 0; w < this.words; w += 1) {
      const bits = this.members[slot * this.words + w];
      const active = this.actives[slot * this.words + w];
      for (let b = 0; b < 32; b += 1) if (bits & (1 << b)) out.push({ group: w * 32 + b, active: (active & (1 << b)) !== 0 });
    }
    return out;
  }

  /** Marks the receiver emitted; false when it already was in this run. */
  markEmitted(id: number): boolean {
    const slot = this.find(id);
    if (slot < 0 || this.emittedFlags[slot]) return false;
    this.emittedFlags[slot] = 1;
    return true;
  }

  /**
   * The pages of `group` that hold a receiver it owns whose newest stamp lies in
   * [sinceSeconds, until] (0: a receiver without stamps, which the engine always emits).
   */
  pagesToEmit(group: number, sinceSeconds: number): Set<number> {
    const pages = new Set<number>();
    for (let slot = 0; slot < this.keys.length; slot += 1) {
      if (Number.isNaN(this.keys[slot]) || this.owners[slot] !== group) continue;
      const stamp = this.stamps[slot];
      if (stamp === 0 || stamp >= sinceSeconds) pages.add(this.pages[slot]);
    }
    return pages;
  }

  /** The slot of `id`, or the bitwise complement of the empty slot where it would go. */
  private find(id: number): number {
    const mask = this.keys.length - 1;
    let slot = hash(id) & mask;
    for (;;) {
      const key = this.keys[slot];
      if (Number.isNaN(key)) return ~slot;
      if (key === id) return slot;
      slot = (slot + 1) & mask;
    }
  }

  private allocate(capacity: number): void {
    this.keys = new Float64Array(capacity).fill(NaN);
    this.stamps = new Uint32Array(capacity);
    this.owners = new Int32Array(capacity);
    this.pages = new Uint32Array(capacity);
    this.members = new Uint32Array(capacity * this.words);
    this.actives = new Uint32Array(capacity * this.words);
    this.emittedFlags = new Uint8Array(capacity);
  }

  private grow(): void {
    const old = {
      keys: this.keys,
      stamps: this.stamps,
      owners: this.owners,
      pages: this.pages,
      members: this.members,
      actives: this.actives,
      emitted: this.emittedFlags,
    };
    this.allocate(old.keys.length * 2);
    for (let from = 0; from < old.keys.length; from += 1) {
      if (Number.isNaN(old.keys[from])) continue;
      const to = ~this.find(old.keys[from]);
      this.keys[to] = old.keys[from];
      this.stamps[to] = old.stamps[from];
      this.owners[to] = old.owners[from];
      this.pages[to] = old.pages[from];
      this.emittedFlags[to] = old.emitted[from];
      this.members.set(old.members.subarray(from * this.words, (from + 1) * this.words), to * this.words);
      this.actives.set(old.actives.subarray(from * this.words, (from + 1) * this.words), to * this.words);
    }
  }
}

/** A receiver id as a number: CleverReach ids are numeric (strings or numbers). */
export function numericId(value: unknown): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,15}$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new ProviderError(`CleverReach sent a receiver whose id is not numeric: id ${JSON.stringify(value ?? null)}`);
  }
  return n;
}

function hash(id: number): number {
  // Spread the low and high parts (ids are often consecutive); Math.imul keeps it in 32 bits.
  const low = id >>> 0;
  const high = Math.floor(id / 0x1_0000_0000) >>> 0;
  return Math.imul(low ^ Math.imul(high, 0x9e3779b1), 0x85ebca6b) >>> 0;
}

function nextPowerOfTwo(n: number): number {
  let p = 16;
  while (p < n) p *= 2;
  return p;
}
