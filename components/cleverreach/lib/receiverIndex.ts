/** No group owns the receiver's change in this run (it changed after the run's upper bound). */
export const NO_OWNER = -1;

/**
 * A receiver's identity across groups: its e-mail address (CleverReach's key within an account;
 * ids may differ per group), hashed to 52 + 32 bits so the index holds numbers, not strings. Two
 * different addresses collide with a chance of about n² / 2^85 (n receivers): never in practice.
 */
export interface ReceiverKey {
  hash: number;
  check: number;
}

export interface Sighting {
  key: ReceiverKey;
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
 * 25 + groups/4 bytes per slot, at most 70 % of slots used.
 */
export class ReceiverIndex {
  private keys: Float64Array;
  private checks: Uint32Array;
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
    this.checks = new Uint32Array(0);
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
    return [this.keys, this.checks, this.stamps, this.owners, this.pages, this.members, this.actives, this.emittedFlags].reduce(
      (n, a) => n + a.byteLength,
      0,
    );
  }

  /** Records a membership as read from a group's page. */
  add(s: Sighting): void {
    if (this.used + 1 > this.keys.length * 0.7) this.grow();
    let slot = this.find(s.key);
    if (slot < 0) {
      slot = ~slot;
      this.keys[slot] = s.key.hash;
      this.checks[slot] = s.key.check;
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
  owner(key: ReceiverKey): number | undefined {
    const slot = this.find(key);
    return slot < 0 ? undefined : this.owners[slot];
  }

  /** The group indexes the receiver is a member of, and whether it is active in each. */
  memberships(key: ReceiverKey): { group: number; active: boolean }[] {
    const slot = this.find(key);
    return slot < 0 ? [] : this.membershipsAt(slot);
  }

  /**
   * The emit pass's question, in one look-up: the receiver's memberships when `group` owns its
   * change and it was not emitted yet in this run (it is marked emitted now); null when another
   * group or none emits it, or it already was; undefined when the index pass never saw it.
   */
  claim(key: ReceiverKey, group: number): { group: number; active: boolean }[] | null | undefined {
    const slot = this.find(key);
    if (slot < 0) return undefined;
    if (this.owners[slot] !== group || this.emittedFlags[slot]) return null;
    this.emittedFlags[slot] = 1;
    return this.membershipsAt(slot);
  }

  private membershipsAt(slot: number): { group: number; active: boolean }[] {
    const out: { group: number; active: boolean }[] = [];
    for (let w = 0; w < this.words; w += 1) {
      const bits = this.members[slot * this.words + w];
      const active = this.actives[slot * this.words + w];
      for (let b = 0; b < 32; b += 1) if (bits & (1 << b)) out.push({ group: w * 32 + b, active: (active & (1 << b)) !== 0 });
    }
    return out;
  }

  /** Marks the receiver emitted; false when it already was in this run. */
  markEmitted(key: ReceiverKey): boolean {
    const slot = this.find(key);
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

  /** The slot of `key`, or the bitwise complement of the empty slot where it would go. */
  private find(key: ReceiverKey): number {
    const mask = this.keys.length - 1;
    let slot = key.check & mask;
    for (;;) {
      const stored = this.keys[slot];
      if (Number.isNaN(stored)) return ~slot;
      if (stored === key.hash && this.checks[slot] === key.check) return slot;
      slot = (slot + 1) & mask;
    }
  }

  private allocate(capacity: number): void {
    this.keys = new Float64Array(capacity).fill(NaN);
    this.checks = new Uint32Array(capacity);
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
      checks: this.checks,
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
      const to = ~this.find({ hash: old.keys[from], check: old.checks[from] });
      this.keys[to] = old.keys[from];
      this.checks[to] = old.checks[from];
      this.stamps[to] = old.stamps[from];
      this.owners[to] = old.owners[from];
      this.pages[to] = old.pages[from];
      this.emittedFlags[to] = old.emitted[from];
      this.members.set(old.members.subarray(from * this.words, (from + 1) * this.words), to * this.words);
      this.actives.set(old.actives.subarray(from * this.words, (from + 1) * this.words), to * this.words);
    }
  }
}

/** The key of a receiver: its e-mail address, trimmed and lower-cased (its id when it has none). */
export function receiverKey(email: unknown, id: unknown): ReceiverKey {
  const address = typeof email === 'string' ? email.trim().toLowerCase() : '';
  const text = address !== '' ? address : `id:${String(id)}`;
  const a = fnv1a(text, 0x811c9dc5);
  const b = fnv1a(text, 0x01000193 ^ 0x5bd1e995);
  const check = fnv1a(text, 0x9e3779b9);
  return { hash: a * 0x100000 + (b >>> 12), check };
}

/** 32-bit FNV-1a over UTF-16 code units, from a given offset basis. */
function fnv1a(text: string, basis: number): number {
  let h = basis >>> 0;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function nextPowerOfTwo(n: number): number {
  let p = 16;
  while (p < n) p *= 2;
  return p;
}
