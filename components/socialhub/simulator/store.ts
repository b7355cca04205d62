import { SeededRandom } from '@oih-suite/kit/simulator';

export type Row = Record<string, unknown>;

/** "yyyy-MM-dd HH:mm:ss" in UTC, the way SocialHub writes date-times. */
export const socialHubTime = (ms: number): string => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

/** Reads "yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss" (UTC) or epoch ms. */
export function parseTime(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'number' || /^\d+$/.test(String(value))) return Number(value);
  const text = String(value).trim();
  const ms = Date.parse(text.length === 10 ? `${text}T00:00:00Z` : `${text.replace(' ', 'T')}${/Z|[+-]\d\d:?\d\d$/.test(text) ? '' : 'Z'}`);
  return Number.isNaN(ms) ? undefined : ms;
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
  readonly pointsRecords: Row[] = [];
  readonly transactions = new Map<string, Row>();
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

  constructor(private readonly random: SeededRandom) {}

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
    const time = socialHubTime(this.nextTime(at));
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

  /** Seeds `count` consumers, transactions and points records; the first consumer's card and account hold all the history. */
  seed(count: number): { consumerCode: string; cardNo: string; accountCode: string } {
    const main = this.addConsumer(this.randomPerson(0));
    const card = this.addMember(String(main.consumerCode), 'LP001');
    for (let i = 1; i < count; i += 1) this.addConsumer(this.randomPerson(i));
    const start = Date.now() - 30 * 86_400_000;
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
