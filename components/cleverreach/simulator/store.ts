import { SeededRandom } from '@oih-suite/kit/simulator';

/** Unix seconds now: CleverReach's clock resolution. */
export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

export interface SimGroup {
  id: number;
  name: string;
  stamp: number;
  last_changed: number;
}

/** A receiver's membership in one group: CleverReach keeps subscription state per group. */
export interface SimMembership {
  registered: number;
  activated: number;
  deactivated: number;
  last_changed: number;
  imported: number;
  source: string;
  attributes: Record<string, unknown>;
}

/** One person (one e-mail, one id in this simulator) with memberships in one or more groups. */
export interface SimReceiver {
  id: number;
  email: string;
  global_attributes: Record<string, unknown>;
  tags: string[];
  points: number;
  memberships: Map<number, SimMembership>;
}

export interface ReceiverInput {
  email?: unknown;
  attributes?: unknown;
  global_attributes?: unknown;
  tags?: unknown;
  source?: unknown;
  activated?: unknown;
  deactivated?: unknown;
  registered?: unknown;
}

const FIRST = ['Anna', 'Ben', 'Clara', 'David', 'Emma', 'Felix', 'Greta', 'Hannes', 'Ida', 'Jonas', 'Lena', 'Max'];
const LAST = ['Meyer', 'Schmidt', 'Fischer', 'Weber', 'Wagner', 'Becker', 'Hoffmann', 'Koch', 'Richter', 'Klein'];
const TAGS = ['Customer', 'Lead', 'VIP', 'Newsletter.Weekly', 'Shop.Buyer'];
/** Seeded stamps lie in 2025, so they are always in the past and the same on every machine. */
const SEED_FROM = 1_735_689_600;
const SEED_SPAN = 365 * 86_400;

/** The simulator's in-memory CleverReach account. */
export class CleverReachStore {
  readonly groups = new Map<number, SimGroup>();
  readonly receivers = new Map<number, SimReceiver>();
  private nextReceiverId = 1001;
  private nextGroupId = 500_001;
  /** Lower-cased e-mail → the receivers with it, in id order (more than one only after an e-mail change collides). */
  private readonly byEmail = new Map<string, SimReceiver[]>();
  /** Group id → its members by id; `sortedMembers` caches them in id order until the group changes. */
  private readonly groupMembers = new Map<number, Map<number, SimReceiver>>();
  private readonly sortedMembers = new Map<number, SimReceiver[]>();
  /** Bumped by every change; `listings` holds sorted, type-filtered member lists valid for `listingsVersion`. */
  private version = 0;
  private listingsVersion = -1;
  private readonly listings = new Map<string, SimReceiver[]>();

  addGroup(name: string, stamp = nowSeconds()): SimGroup {
    const group = { id: this.nextGroupId++, name, stamp, last_changed: stamp };
    this.groups.set(group.id, group);
    return group;
  }

  findByEmail(email: string): SimReceiver | undefined {
    return this.byEmail.get(email.trim().toLowerCase())?.[0];
  }

  /** Every receiver whose e-mail is `email` (case-insensitive), in id order. */
  findAllByEmail(email: string): readonly SimReceiver[] {
    return this.byEmail.get(email.trim().toLowerCase()) ?? [];
  }

  private indexEmail(receiver: SimReceiver): void {
    const key = receiver.email.toLowerCase();
    const bucket = this.byEmail.get(key);
    if (!bucket) this.byEmail.set(key, [receiver]);
    else if (!bucket.includes(receiver)) {
      bucket.push(receiver);
      bucket.sort((a, b) => a.id - b.id);
    }
  }

  private unindexEmail(receiver: SimReceiver): void {
    const key = receiver.email.toLowerCase();
    const bucket = this.byEmail.get(key);
    if (!bucket) return;
    const rest = bucket.filter((r) => r !== receiver);
    if (rest.length) this.byEmail.set(key, rest);
    else this.byEmail.delete(key);
  }

  private join(receiver: SimReceiver, groupId: number): void {
    let members = this.groupMembers.get(groupId);
    if (!members) this.groupMembers.set(groupId, (members = new Map<number, SimReceiver>()));
    if (members.has(receiver.id)) return;
    members.set(receiver.id, receiver);
    const sorted = this.sortedMembers.get(groupId);
    // New receivers have the highest id: appending keeps the cached order.
    if (sorted && (sorted.length === 0 || sorted[sorted.length - 1].id < receiver.id)) sorted.push(receiver);
    else this.sortedMembers.delete(groupId);
  }

  private leave(receiver: SimReceiver, groupId: number): void {
    if (this.groupMembers.get(groupId)?.delete(receiver.id)) this.sortedMembers.delete(groupId);
  }

  /** Marks every cached listing stale: call after changing receivers or memberships directly. */
  changed(): void {
    this.version += 1;
  }

  find(idOrEmail: string): SimReceiver | undefined {
    return /^\d+$/.test(idOrEmail) ? this.receivers.get(Number(idOrEmail)) : this.findByEmail(idOrEmail);
  }

  /** Adds a person to a group (creating the person when the e-mail is new), stamped `at`. */
  subscribe(groupId: number, input: ReceiverInput, at = nowSeconds()): SimReceiver {
    const email = String(input.email ?? '').trim();
    let receiver = this.findByEmail(email);
    if (!receiver) {
      receiver = { id: this.nextReceiverId++, email, global_attributes: {}, tags: [], points: 0, memberships: new Map() };
      this.receivers.set(receiver.id, receiver);
      this.indexEmail(receiver);
    }
    this.join(receiver, groupId);
    this.changed();
    const activated = input.activated === undefined ? at : Number(input.activated);
    receiver.memberships.set(groupId, {
      registered: input.registered === undefined ? at : Number(input.registered),
      activated,
      deactivated: Number(input.deactivated ?? 0),
      last_changed: at,
      imported: at,
      source: typeof input.source === 'string' ? input.source : 'RESTful API',
      attributes: {},
    });
    this.apply(receiver, groupId, input, at);
    return receiver;
  }

  /** Changes a member's data as PUT / upsert do, stamping `last_changed`. */
  apply(receiver: SimReceiver, groupId: number, input: ReceiverInput, at = nowSeconds()): void {
    const membership = receiver.memberships.get(groupId);
    if (!membership) return;
    this.changed();
    if (typeof input.email === 'string' && input.email.trim() && input.email.trim() !== receiver.email) {
      this.unindexEmail(receiver);
      receiver.email = input.email.trim();
      if (this.receivers.get(receiver.id) === receiver) this.indexEmail(receiver);
    }
    if (isRecord(input.attributes)) membership.attributes = { ...membership.attributes, ...input.attributes };
    if (isRecord(input.global_attributes)) receiver.global_attributes = { ...receiver.global_attributes, ...input.global_attributes };
    if (Array.isArray(input.tags)) receiver.tags = mergeTags(receiver.tags, input.tags.map(String));
    if (input.deactivated !== undefined && membership.activated > 0) membership.deactivated = Number(input.deactivated);
    membership.last_changed = at;
  }

  /** Unsubscribes a member from one group (or every group) now. */
  deactivate(receiverId: number, groupId?: number, at = nowSeconds()): void {
    const receiver = this.receivers.get(receiverId);
    if (!receiver) return;
    this.changed();
    for (const [gid, membership] of receiver.memberships) {
      if (groupId !== undefined && gid !== groupId) continue;
      membership.deactivated = at;
      membership.last_changed = at;
    }
  }

  /** Changes an attribute in one membership (default: the last group), as an edit in CleverReach would. */
  touch(receiverId: number, at = nowSeconds(), groupId?: number): void {
    const receiver = this.receivers.get(receiverId);
    if (!receiver) return;
    const gid = groupId ?? [...receiver.memberships.keys()].pop()!;
    this.apply(receiver, gid, { attributes: { touched: String(at) } }, at);
  }

  remove(receiverId: number, groupId?: number): boolean {
    const receiver = this.receivers.get(receiverId);
    if (!receiver) return false;
    this.changed();
    if (groupId !== undefined) {
      const removed = receiver.memberships.delete(groupId);
      this.leave(receiver, groupId);
      if (receiver.memberships.size === 0) this.forget(receiver);
      return removed;
    }
    this.forget(receiver);
    return true;
  }

  private forget(receiver: SimReceiver): void {
    this.receivers.delete(receiver.id);
    this.unindexEmail(receiver);
    for (const gid of receiver.memberships.keys()) this.leave(receiver, gid);
  }

  /** Members of a group in id order. */
  members(groupId: number): SimReceiver[] {
    return [...this.memberList(groupId)];
  }

  /** The cached id-ordered member list of a group: not to be changed by the caller. */
  private memberList(groupId: number): readonly SimReceiver[] {
    let sorted = this.sortedMembers.get(groupId);
    if (!sorted) {
      sorted = [...(this.groupMembers.get(groupId)?.values() ?? [])].sort((a, b) => a.id - b.id);
      this.sortedMembers.set(groupId, sorted);
    }
    return sorted;
  }

  /**
   * A group's members of `type` ("active", "inactive", else all) sorted by `order_by`
   * ("<field> <ASC|DESC>", ties in id order), cached until the next change. Not to be changed by the caller.
   */
  listing(groupId: number, type: string, orderBy: string | undefined): readonly SimReceiver[] {
    if (this.listingsVersion !== this.version) {
      this.listings.clear();
      this.listingsVersion = this.version;
    }
    const kind = type === 'active' || type === 'inactive' ? type : 'all';
    const key = `${groupId}\u0000${kind}\u0000${orderBy ?? ''}\u0000${orderBy === undefined ? 1 : 0}`;
    let list = this.listings.get(key);
    if (!list) {
      let members: SimReceiver[] = [...this.memberList(groupId)];
      if (kind === 'active') members = members.filter((r) => isActive(r, groupId));
      else if (kind === 'inactive') members = members.filter((r) => !isActive(r, groupId));
      list = this.sortMembers(members, groupId, orderBy);
      if (this.listings.size >= 32) this.listings.clear();
      this.listings.set(key, list);
    }
    return list;
  }

  /** Sorts `members` (given in id order) as the API orders a group's list; returns the same array. */
  sortMembers(members: SimReceiver[], groupId: number, orderBy: string | undefined): SimReceiver[] {
    const [field, direction] = (orderBy ?? 'id ASC').trim().split(/\s+/);
    const sign = (direction ?? 'ASC').toUpperCase() === 'DESC' ? -1 : 1;
    const keyed = members.map((r) => ({ r, key: Number(this.field(r, groupId, field) ?? 0) }));
    keyed.sort((a, b) => sign * (a.key - b.key) || a.r.id - b.r.id);
    for (let i = 0; i < keyed.length; i += 1) members[i] = keyed[i].r;
    return members;
  }

  /** One field of `view(receiver, groupId)`, without building the whole view for the common ones. */
  private field(receiver: SimReceiver, groupId: number, field: string): unknown {
    const m = receiver.memberships.get(groupId)!;
    switch (field) {
      case 'id':
        return String(receiver.id);
      case 'email':
        return receiver.email;
      case 'imported':
      case 'activated':
      case 'registered':
      case 'deactivated':
      case 'last_changed':
        return m[field];
      case 'group_id':
        return String(groupId);
      case 'points':
        return receiver.points;
      case 'source':
        return m.source;
      case 'active':
        return m.activated > 0 && m.deactivated === 0;
      default:
        return this.view(receiver, groupId)[field];
    }
  }

  /**
   * Test hook: receiver id → the broken id its views carry instead (undefined: no `id` field), as
   * a faulty API would; tests check that a trigger refuses such a record.
   */
  readonly brokenIds = new Map<number, unknown>();

  /** A receiver as a group lists it (the API's JSON shape, ids as numeric strings). */
  view(receiver: SimReceiver, groupId: number): Record<string, unknown> {
    const m = receiver.memberships.get(groupId)!;
    const view = this.viewOf(receiver, m, groupId);
    if (this.brokenIds.has(receiver.id)) {
      view.id = this.brokenIds.get(receiver.id);
      if (view.id === undefined) delete view.id;
    }
    return view;
  }

  private viewOf(receiver: SimReceiver, m: SimMembership, groupId: number): Record<string, unknown> {
    return {
      id: String(receiver.id),
      email: receiver.email,
      imported: m.imported,
      bounced: 0,
      group_id: String(groupId),
      activated: m.activated,
      registered: m.registered,
      deactivated: m.deactivated,
      last_ip: '',
      last_location: '',
      last_changed: m.last_changed,
      last_client: '',
      points: receiver.points,
      stars: 0,
      source: m.source,
      attributes: { ...m.attributes },
      global_attributes: { ...receiver.global_attributes },
      tags: [...receiver.tags],
      active: m.activated > 0 && m.deactivated === 0,
      conversion_rate: 0,
      open_rate: 0,
      click_rate: 0,
    };
  }

  groupView(group: SimGroup): Record<string, unknown> {
    return {
      id: String(group.id),
      name: group.name,
      locked: false,
      backup: true,
      receiver_info: '',
      stamp: group.stamp,
      last_mailing: 0,
      last_changed: group.last_changed,
    };
  }

  /**
   * Seeds `count` realistic receivers across three groups: about a fifth in two groups, some
   * unsubscribed or never activated, and runs of equal timestamps.
   */
  /** `multiGroupShare`: the share of receivers also in a second group (default about 18 %). */
  seed(count: number, seed = 42, multiGroupShare?: number): void {
    const random = new SeededRandom(seed);
    if (this.groups.size === 0) ['Newsletter', 'Customers', 'Events'].forEach((name, i) => this.addGroup(name, SEED_FROM - 86_400 * (3 - i)));
    const groupIds = [...this.groups.keys()];
    let stamp = SEED_FROM;
    for (let i = 0; i < count; i += 1) {
      // Several receivers per second now and then, as in a list import.
      if (random.next() > 0.2) stamp = SEED_FROM + Math.floor(((i + random.next()) * SEED_SPAN) / Math.max(count, 1));
      const first = random.pick(FIRST);
      const last = random.pick(LAST);
      const home = random.pick(groupIds);
      const receiver = this.subscribe(
        home,
        {
          email: `${first}.${last}.${i}@example.com`.toLowerCase(),
          attributes: { firstname: first, name: last, salutation: random.next() > 0.5 ? 'Frau' : 'Herr' },
          global_attributes: { firstname: first, lastname: last, phone: random.next() > 0.6 ? `+49 30 ${random.int(100000, 999999)}` : '' },
          tags: random.next() > 0.5 ? [random.pick(TAGS)] : [],
          source: random.next() > 0.5 ? 'User Import' : 'RESTful API',
          activated: random.next() > 0.1 ? stamp : 0,
        },
        stamp,
      );
      if (random.next() < (multiGroupShare ?? 0.2)) {
        // With a share set, exactly that share joins one other group (benchmark scenarios).
        const others = groupIds.filter((g) => g !== home);
        const other =
          multiGroupShare === undefined ? groupIds.find((g) => g !== home && random.next() > 0.3) : others.length ? random.pick(others) : undefined;
        if (other !== undefined)
          this.subscribe(other, { email: receiver.email, attributes: { firstname: first, name: last } }, stamp + random.int(0, 3));
      }
      if (random.next() < 0.1) {
        const [gid, m] = [...receiver.memberships.entries()][0];
        m.deactivated = m.activated > 0 ? m.activated + random.int(60, 86_400) : 0;
        m.last_changed = Math.max(m.last_changed, m.deactivated);
        void gid;
      }
    }
    this.changed();
  }
}

function isActive(receiver: SimReceiver, groupId: number): boolean {
  const m = receiver.memberships.get(groupId)!;
  return m.activated > 0 && m.deactivated === 0;
}

function mergeTags(current: string[], changes: string[]): string[] {
  const tags = new Set(current);
  // A tag prefixed with "-" removes it, as CleverReach's upsert does.
  for (const tag of changes)
    if (tag.startsWith('-')) tags.delete(tag.slice(1));
    else tags.add(tag);
  return [...tags];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}
