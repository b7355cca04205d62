import { SeededRandom } from '@oih-suite/kit/simulator';

export type Row = Record<string, unknown>;

/**
 * "yyyy-MM-dd HH:mm:ss" without a zone, the way SocialHub writes date-times, in the tenant's
 * zone (`offsetMinutes` east of UTC; UTC unless the simulator is started with another).
 */
export const socialHubTime = (ms: number, offsetMinutes = 0): string =>
  new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 19).replace('T', ' ');

/** Reads "yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss" (in the tenant's zone unless the text has one) or epoch ms. */
export function parseTime(value: unknown, offsetMinutes = 0): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'number' || /^\d+$/.test(String(value))) return Number(value);
  const text = String(value).trim();
  const zoned = /Z|[+-]\d\d:?\d\d$/.test(text);
  const ms = Date.parse(text.length === 10 ? `${text}T00:00:00Z` : `${text.replace(' ', 'T')}${zoned ? '' : 'Z'}`);
  if (Number.isNaN(ms)) return undefined;
  return zoned ? ms : ms - offsetMinutes * 60_000;
}

/** The same order as `String.prototype.localeCompare` without arguments, without building a collator per call. */
const collator = new Intl.Collator();

/** Rows of one list in the order SocialHub returns them, with each row's time for range look-ups. */
export interface SortedRows {
  rows: Row[];
  times: number[];
}

interface View extends SortedRows {
  /** Tie-breaks of `rows` (record ids as numbers, transaction codes as strings). */
  ties: (number | string)[];
  version: number;
  /** How many entries of the append log the view has taken in. */
  seen: number;
}

/** A Map that tells appends (new keys, logged in order) from changes (replaced values, deletes). */
export class LoggedMap<V> extends Map<string, V> {
  version = 0;
  readonly log: V[] = [];

  override set(key: string, value: V): this {
    if (this.has(key)) this.version += 1;
    else this.log.push(value);
    return super.set(key, value);
  }

  override delete(key: string): boolean {
    this.version += 1;
    return super.delete(key);
  }

  override clear(): void {
    this.version += 1;
    super.clear();
  }
}

/** First index whose time is at least `from` (or more than `from` when `after`). */
function bound(times: number[], from: number, after: boolean): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (after ? times[mid] <= from : times[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The slice of sorted rows with `from <= time <= to` (nothing when a bound is NaN, as the plain filter would). */
export function timeRange(sorted: SortedRows, from: number, to: number): { lo: number; hi: number } {
  if (Number.isNaN(from) || Number.isNaN(to)) return { lo: 0, hi: 0 };
  const lo = bound(sorted.times, from, false);
  return { lo, hi: Math.max(lo, bound(sorted.times, to, true)) };
}

const FIRST = ['Li', 'Wang', 'Anna', 'Ben', 'Chen', 'Dana', 'Emil', 'Fatima', 'Greta', 'Hiro'];
const LAST = ['Zhang', 'Liu', 'Schmidt', 'Meyer', 'Tanaka', 'Rossi', 'Novak', 'Silva'];

/** Everything the simulated tenant holds. */
export class SocialHubStore {
  readonly loyaltyPrograms: Row[] = [
    { loyaltyProgramCode: 'LP001', loyaltyProgramName: 'Default loyalty program', status: 1 },
    { loyaltyProgramCode: 'LP002', loyaltyProgramName: 'VIP club', status: 1 },
  ];
  readonly consumers = new Map<string, Row>();
  readonly members = new Map<string, Row>();
  readonly pointsAccounts = new Map<string, Row>();
  /** Append freely; after changing or removing records in place call `pointsRecordsChanged()`. */
  readonly pointsRecords: Row[] = [];
  private recordsVersion = 0;
  /** Sorted points records by account and status filter, kept up to date on appends. */
  private readonly recordViews = new Map<string, View>();
  /** Sorted transactions by consumer, kept up to date on appends. */
  private readonly transactionViews = new Map<string, View>();
  /** Set, replace or delete through the Map as usual; after changing a row in place call `transactionsChanged()`. */
  readonly transactions = new LoggedMap<Row>();
  /** Imported events by `tenantId|eventId` (a resent event replaces nothing and adds nothing). */
  readonly events = new Map<string, Row>();
  /** Points adjustments by operationId, with the answer first given. */
  readonly adjustments = new Map<string, Row>();
  readonly thirdAccounts: Row[] = [];
  readonly products = new Map<string, Row>();
  readonly stores = new Map<string, Row>();
  readonly nonces = new Set<string>();
  private seq = { consumer: 0, member: 0, record: 0, transaction: 0, store: 0 };
  /** Last time handed to a record, so records added in one burst still come in order. */
  private lastRecordTime = 0;

  /**
   * @param zoneOffsetMinutes the tenant's time zone, east of UTC: transaction times are written
   *   and beginDate/endDate read in it (SocialHub publishes no zone; a China tenant would be +480).
   */
  constructor(
    private readonly random: SeededRandom,
    readonly zoneOffsetMinutes = 0,
  ) {}

  /** Points records were changed or removed in place: sorted views are rebuilt on the next read. */
  pointsRecordsChanged(): void {
    this.recordsVersion += 1;
  }

  /** Transactions were changed in place: sorted views are rebuilt on the next read. */
  transactionsChanged(): void {
    this.transactions.version += 1;
  }

  /**
   * One account's points records (only those whose status reads `status`, when given), oldest
   * change first, then by record id; undefined when a time or id is not a number (no order to keep).
   */
  sortedPointsRecords(accountCode: string, status?: string): SortedRows | undefined {
    const matches = (r: Row) => r.accountCode === accountCode && (status === undefined || String(r.status) === status);
    const key = (r: Row): [number, number] => [Number(r.updateTime ?? r.createTime), Number(r.recordId)];
    const id = `${accountCode}\u0000${status === undefined ? '*' : `=${status}`}`;
    const view = this.recordViews.get(id);
    const records = this.pointsRecords;
    if (view && view.version === this.recordsVersion && records.length >= view.seen) {
      if (extend(view, records, view.seen, matches, key, (a, b) => (a as number) - (b as number))) return view;
    }
    const built = build(records.filter(matches), key, (a, b) => (a as number) - (b as number), this.recordsVersion, records.length);
    if (built) this.recordViews.set(id, built);
    else this.recordViews.delete(id);
    return built;
  }

  /** One consumer's transactions, oldest change first, then by transaction code. */
  sortedTransactions(consumerCode: string): SortedRows {
    const matches = (t: Row) => t.consumerCode === consumerCode;
    const key = (t: Row): [number, string] => [parseTime(t.updateTime ?? t.orderDate, this.zoneOffsetMinutes) ?? 0, String(t.transactionCode)];
    const ties = (a: number | string, b: number | string) => (a === b ? 0 : collator.compare(a as string, b as string));
    const view = this.transactionViews.get(consumerCode);
    const map = this.transactions;
    if (view && view.version === map.version && map.log.length >= view.seen) {
      if (extend(view, map.log, view.seen, matches, key, ties)) return view;
    }
    const built = build([...map.values()].filter(matches), key, ties, map.version, map.log.length)!;
    this.transactionViews.set(consumerCode, built);
    return built;
  }

  /** A time as this tenant's API writes it. */
  wallTime(ms: number): string {
    return socialHubTime(ms, this.zoneOffsetMinutes);
  }

  nextTime(sameTime?: number): number {
    if (sameTime !== undefined) return sameTime;
    // Never earlier than the last record, never in the future (a poll right after must see it).
    this.lastRecordTime = Math.max(Date.now(), this.lastRecordTime);
    return this.lastRecordTime;
  }

  addConsumer(fields: Row): Row {
    this.seq.consumer += 1;
    const consumerCode = `C${String(this.seq.consumer).padStart(5, '0')}`;
    const consumer = { consumerCode, gender: 0, identityType: 2, createTime: Date.now(), ...fields };
    this.consumers.set(consumerCode, consumer);
    return consumer;
  }

  /** A membership card with its points account. */
  addMember(consumerCode: string, loyaltyProgramCode: string, storeCode?: unknown): Row {
    this.seq.member += 1;
    const n = String(this.seq.member).padStart(5, '0');
    const member = {
      cardNo: `M${n}`,
      consumerCode,
      loyaltyProgramCode,
      tierCode: 'T1',
      status: 1,
      storeCode: storeCode ?? null,
      pointsAccountCode: `PA${n}`,
    };
    this.members.set(member.cardNo, member);
    this.pointsAccounts.set(member.pointsAccountCode, {
      accountCode: member.pointsAccountCode,
      cardNo: member.cardNo,
      pointsGroupCode: 'PG001',
      balance: 0,
    });
    return member;
  }

  addPointsRecord(fields: Row, at?: number): Row {
    this.seq.record += 1;
    const time = this.nextTime(at);
    const record = { recordId: String(this.seq.record), pointsGroupCode: 'PG001', status: 0, createTime: time, updateTime: time, ...fields };
    this.pointsRecords.push(record);
    return record;
  }

  addTransaction(consumerCode: string, at?: number, fields: Row = {}): Row {
    this.seq.transaction += 1;
    const time = this.wallTime(this.nextTime(at));
    const qty = this.random.int(1, 3);
    const price = this.random.int(5, 200) * 100;
    const code = `T${String(this.seq.transaction).padStart(6, '0')}`;
    const transaction = {
      transactionCode: code,
      consumerCode,
      storeCode: 'S001',
      orderDate: time,
      updateTime: time,
      direction: 0,
      orderStatus: this.random.int(0, 2),
      scorePointStatus: 3,
      totalPrice: qty * price,
      totalAmount: qty * price,
      totalDisAmount: 0,
      freight: 0,
      details: [
        {
          direction: 0,
          detailCode: `${code}-1`,
          productCode: `P${this.random.int(100, 999)}`,
          title: 'Seeded product',
          qty,
          price,
          totalAmount: qty * price,
        },
      ],
      ...fields,
    };
    this.transactions.set(code, transaction);
    return transaction;
  }

  /**
   * Seeds `count` consumers, transactions and points records over the 30 days before `seedTime`;
   * the first consumer's card and account hold all the history.
   */
  seed(count: number, seedTime = Date.now()): { consumerCode: string; cardNo: string; accountCode: string } {
    const main = this.addConsumer({ ...this.randomPerson(0), createTime: seedTime });
    const card = this.addMember(String(main.consumerCode), 'LP001');
    for (let i = 1; i < count; i += 1) this.addConsumer({ ...this.randomPerson(i), createTime: seedTime });
    const start = seedTime - 30 * 86_400_000;
    const step = Math.max(1, Math.floor((29 * 86_400_000) / Math.max(count, 1)));
    for (let i = 0; i < count; i += 1) {
      // Whole seconds: SocialHub's transaction times have no milliseconds.
      this.addTransaction(String(main.consumerCode), Math.floor((start + i * step) / 1000) * 1000);
      const operationType = this.random.pick([6, 6, 6, 7, 8]);
      this.addPointsRecord(
        { accountCode: card.pointsAccountCode, operationType, pointValue: this.random.int(1, 50) * 10, pointDesc: 'seeded' },
        start + i * step,
      );
    }
    this.lastRecordTime = 0;
    return { consumerCode: String(main.consumerCode), cardNo: String(card.cardNo), accountCode: String(card.pointsAccountCode) };
  }

  private randomPerson(i: number): Row {
    const first = this.random.pick(FIRST);
    const last = this.random.pick(LAST);
    return {
      name: `${first} ${last}`,
      gender: this.random.int(0, 2),
      phonePrefCode: '+86',
      mobilePhone: `138${String(10_000_000 + i).slice(-8)}`,
      email: `${first}.${last}.${i}@example.com`.toLowerCase(),
      sourceCode: '10140001',
      organizationCode: 'ORG001',
    };
  }
}

type Tie = (a: number | string, b: number | string) => number;

/** Sorts rows by time, then tie-break (stable, like Array.prototype.sort); undefined if a key is NaN. */
function build(rows: Row[], key: (r: Row) => [number, number | string], tie: Tie, version: number, seen: number): View | undefined {
  const keys = rows.map(key);
  if (keys.some(([t, k]) => Number.isNaN(t) || Number.isNaN(k))) return undefined;
  const order = rows.map((_, i) => i);
  order.sort((a, b) => keys[a][0] - keys[b][0] || tie(keys[a][1], keys[b][1]));
  return {
    rows: order.map((i) => rows[i]),
    times: order.map((i) => keys[i][0]),
    ties: order.map((i) => keys[i][1]),
    version,
    seen,
  };
}

/** Takes in appended rows that sort last; false when one does not (the view must be rebuilt). */
function extend(view: View, log: Row[], from: number, matches: (r: Row) => boolean, key: (r: Row) => [number, number | string], tie: Tie): boolean {
  for (let i = from; i < log.length; i += 1) {
    const row = log[i];
    if (!matches(row)) continue;
    const [time, k] = key(row);
    if (Number.isNaN(time) || Number.isNaN(k)) return false;
    const last = view.rows.length - 1;
    if (last >= 0 && (time - view.times[last] || tie(k, view.ties[last])) < 0) return false;
    view.rows.push(row);
    view.times.push(time);
    view.ties.push(k);
  }
  view.seen = log.length;
  return true;
}
