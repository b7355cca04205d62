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

  addGroup(name: string, stamp = nowSeconds()): SimGroup {
    const group = { id: this.nextGroupId++, name, stamp, last_changed: stamp };
    this.groups.set(group.id, group);
    return group;
  }

  findByEmail(email: string): SimReceiver | undefined {
    const wanted = email.trim().toLowerCase();
    for (const receiver of this.receivers.values()) if (receiver.email.toLowerCase() === wanted) return receiver;
    return undefined;
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
    }
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
    if (typeof input.email === 'string' && input.email.trim()) receiver.email = input.email.trim();
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
    if (groupId !== undefined) {
      const removed = receiver.memberships.delete(groupId);
      if (receiver.memberships.size === 0) this.receivers.delete(receiverId);
      return removed;
    }
    return this.receivers.delete(receiverId);
  }

  /** Members of a group in the API's order: registration time, then id. */
  members(groupId: number): SimReceiver[] {
    return [...this.receivers.values()].filter((r) => r.memberships.has(groupId));
  }

  /** A receiver as a group lists it (the API's JSON shape, ids as numeric strings). */
  view(receiver: SimReceiver, groupId: number): Record<string, unknown> {
    const m = receiver.memberships.get(groupId)!;
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
  seed(count: number, seed = 42): void {
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
      if (random.next() < 0.2) {
        const other = groupIds.find((g) => g !== home && random.next() > 0.3);
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
  }
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
