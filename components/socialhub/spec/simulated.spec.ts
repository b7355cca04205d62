import { expect } from 'chai';
import { ConfigurationError, InvalidItemsError, ProviderError } from '@oih-suite/kit';
import { timing } from '@oih-suite/kit/engine';
import { runProcess, AnyProcess } from '@oih-suite/kit/testing';
import { SocialHubSimulator, startSimulator } from '../simulator';
import { expectSchema, freshState, load } from './helpers';

type Step = { process: AnyProcess };
const step = (id: string) => load<Step>('actions', id);

describe('socialhub against the simulator', () => {
  let sim: SocialHubSimulator;
  beforeEach(async () => {
    freshState();
    sim = await startSimulator({ records: 3, seed: 7 });
  });
  afterEach(() => sim.stop());

  const run = (id: string, data: unknown, cfg: Record<string, unknown> = {}, metadata: object = {}) =>
    runProcess(step(id).process, { metadata, data }, { ...sim.cfg, ...cfg });

  describe('adjustPoints idempotency', () => {
    it('the same message delivered twice credits once (operationId derived from record id and content)', async () => {
      const message = { accountCode: sim.main.accountCode, operationType: 6, pointValue: 250, pointDesc: 'Review bonus' };
      const first = await run('adjustPoints', message, {}, { recordUid: 'review-42' });
      const second = await run('adjustPoints', message, {}, { recordUid: 'review-42' });
      expect(first.error).to.equal(undefined);
      expect(second.error).to.equal(undefined);
      expect(second.self.data).to.deep.equal(first.self.data);
      const account = sim.store.pointsAccounts.get(sim.main.accountCode)!;
      expect(account.balance).to.equal(250);
      const records = sim.store.pointsRecords.filter((r) => r.pointDesc === 'Review bonus');
      expect(records).to.have.length(1);
      expect(records[0].operationId).to.match(/^oih-[0-9a-f]{16}$/);
      expectSchema('adjustPoints.out', first.self.data[0].data);
    });

    it('a different record, or different content, is a different adjustment; an explicit operationId is used as given', async () => {
      const message = { accountCode: sim.main.accountCode, operationType: 6, pointValue: 10 };
      await run('adjustPoints', message, {}, { recordUid: 'a' });
      await run('adjustPoints', message, {}, { recordUid: 'b' });
      await run('adjustPoints', { ...message, pointValue: 11 }, {}, { recordUid: 'a' });
      const explicit = await run('adjustPoints', { ...message, operationId: 'op-1' });
      await run('adjustPoints', { ...message, operationId: 'op-1' });
      expect(sim.store.pointsAccounts.get(sim.main.accountCode)!.balance).to.equal(10 + 10 + 11 + 10);
      expect(explicit.self.data[0].metadata).to.deep.equal({ recordUid: 'op-1', applicationUid: 'socialhub' });
    });

    it('a deduction beyond the balance is a business error (HTTP 200, code 40002)', async () => {
      const outcome = await run('adjustPoints', { accountCode: sim.main.accountCode, operationType: 8, pointValue: 1_000_000 });
      expect(outcome.error).to.be.instanceOf(ProviderError);
      expect(outcome.error!.message).to.equal('SocialHub rejected POST /v1/points/adjustment (code 40002): insufficient points');
    });
  });

  describe('importConsumerEventData', () => {
    const event = (i: number) => ({
      eventKey: 'page_view',
      eventTime: 1730275200000 + i,
      customerCode: 'C00001',
      tenantId: 'T01',
      properties: { page: i },
    });

    it('the same batch delivered twice stores each event once (eventId derived when absent)', async () => {
      const events = [event(1), { ...event(2), eventId: 'given-2' }, event(3)];
      const first = await run('importConsumerEventData', { events });
      const second = await run('importConsumerEventData', { events });
      expect(first.error).to.equal(undefined);
      expect(second.self.data[0].data).to.deep.equal(first.self.data[0].data);
      expect(sim.importedEvents()).to.have.length(3);
      expect(sim.importedEvents().map((e) => e.eventId)).to.deep.equal((first.self.data[0].data as { eventIds: string[] }).eventIds);
      expect(sim.importedEvents()[1].eventId).to.equal('given-2');
    });

    it('one invalid event sends nothing; the error names every invalid event by its index in the whole message', async () => {
      const events: Record<string, unknown>[] = Array.from({ length: 130 }, (_, i) => event(i));
      events[1] = { ...event(1), customerCode: '' };
      events[3] = { ...event(3), eventTime: 'yesterday' };
      events[121] = { ...event(121), properties: 'x' };
      const outcome = await run('importConsumerEventData', { events }, { batchSize: 50 });
      expect(outcome.error).to.be.instanceOf(InvalidItemsError);
      expect((outcome.error as InvalidItemsError).items).to.deep.equal([
        { index: 1, field: 'events[1].customerCode', problem: 'events[1].customerCode: is required for this operation (Customer code)' },
        {
          index: 3,
          field: 'events[3].eventTime',
          problem: 'events[3].eventTime: must be a time (ISO 8601 such as 2024-01-31T00:00:00Z, or epoch milliseconds), got "yesterday"',
        },
        { index: 121, field: 'events[121].properties', problem: 'events[121].properties: must be an object' },
      ]);
      expect(outcome.error!.message).to.match(/^events: 3 of 130 items are invalid, nothing was sent: events\[1\]\.customerCode/);
      expect(outcome.self.data).to.deep.equal([]);
      expect(sim.server.requests.filter((r) => r.path === '/v1/consumer/event/data')).to.deep.equal([]);
    });

    it('valid events go out in batches and the report matches its schema', async () => {
      const outcome = await run('importConsumerEventData', { events: [0, 1, 2, 3, 4].map(event) }, { batchSize: 2 });
      expect(outcome.error).to.equal(undefined);
      const report = outcome.self.data[0].data as Record<string, unknown>;
      expect(report).to.deep.include({ received: 5, sent: 5, batches: 3 });
      const imports = sim.server.requests.filter((r) => r.path === '/v1/consumer/event/data');
      expect(imports.map((r) => (r.body as { data: unknown[] }).data.length)).to.deep.equal([2, 2, 1]);
      expectSchema('importReport', report);
    });

    it('a message that failed after its first batch, delivered again, leaves every event stored once', async () => {
      const events = [event(1), event(2), event(3), event(4)];
      sim.server.inject({
        match: (r) => r.path === '/v1/consumer/event/data',
        after: 1,
        times: 1,
        response: { status: 400, body: { code: '400', msg: 'injected' } },
      });
      const failed = await run('importConsumerEventData', { events }, { batchSize: 2 });
      expect(failed.error).to.be.instanceOf(ProviderError);
      expect(sim.importedEvents()).to.have.length(2);
      const again = await run('importConsumerEventData', { events }, { batchSize: 2 });
      expect(again.error).to.equal(undefined);
      expect(sim.importedEvents().map((e) => (e.properties as { page: number }).page)).to.deep.equal([1, 2, 3, 4]);
    });

    it('a batch answered 503 is resent (eventId makes that safe) and stored once', async () => {
      const previous = timing.scale;
      timing.scale = 0.001;
      try {
        sim.server.inject({ match: (r) => r.path === '/v1/consumer/event/data', response: { status: 503, body: { code: '503', msg: 'busy' } } });
        const outcome = await run('importConsumerEventData', { events: [event(1), event(2)] });
        expect(outcome.error).to.equal(undefined);
        expect(sim.server.requests.filter((r) => r.path === '/v1/consumer/event/data')).to.have.length(2);
        expect(sim.importedEvents()).to.have.length(2);
      } finally {
        timing.scale = previous;
      }
    });

    it('takes ISO times and the tenant from the step; a message with no valid event is an error', async () => {
      const ok = await run(
        'importConsumerEventData',
        { eventKey: 'buy', eventTime: '2026-01-01T00:00:00Z', customerCode: 'C1', properties: {} },
        { tenantId: 'T9' },
      );
      expect(ok.error).to.equal(undefined);
      expect(sim.importedEvents()[0]).to.deep.include({ eventTime: Date.UTC(2026, 0, 1), tenantId: 'T9', eventType: 'track' });
      const bad = await run('importConsumerEventData', { eventKey: 'buy' });
      expect(bad.error).to.be.instanceOf(ConfigurationError);
      expect(bad.error!.message).to.match(/^events: 1 of 1 items are invalid, nothing was sent: events\[0\]\.eventTime: is required/);
    });
  });

  describe('upserts', () => {
    const person = (email: string, phone?: string) => ({
      firstName: 'Mia',
      lastName: 'Wong',
      gender: 'female',
      contactData: [{ type: 'email', value: email }, ...(phone ? [{ type: 'mobile', value: phone }] : [])],
      addresses: [{ street: 'Nanjing Rd', streetNumber: 5, zipCode: '200001', city: 'Shanghai' }],
    });
    const cfg = { sourceCode: '10140001', organizationCode: 'ORG001' };

    it('upsertConsumer creates, then finds by phone or e-mail and updates, emitting an OIH Person', async () => {
      const created = await run('upsertConsumer', person('mia@example.com', '+852 9123 4567'), cfg);
      expect(created.error).to.equal(undefined);
      const code = created.self.data[0].metadata as { recordUid: string };
      const stored = sim.store.consumers.get(code.recordUid)!;
      expect(stored).to.deep.include({
        name: 'Mia Wong',
        gender: 2,
        mobilePhone: '91234567',
        phonePrefCode: '+852',
        address: 'Nanjing Rd 5',
        postelCode: '200001',
      });
      expect(created.self.data[0].data).to.deep.equal({
        displayName: 'Mia Wong',
        firstName: 'Mia',
        lastName: 'Wong',
        gender: 'female',
        contactData: [
          { type: 'email', value: 'mia@example.com', label: 'privateEmail' },
          { type: 'phone', value: '+852 91234567', label: 'privateMobile' },
        ],
        addresses: [{ street: 'Nanjing Rd', streetNumber: 5, zipCode: '200001', label: 'primary' }],
      });
      expectSchema('person', created.self.data[0].data);
      const before = sim.store.consumers.size;
      const byEmail = await run('upsertConsumer', { ...person('mia@example.com'), lastName: 'Wong-Li' }, cfg);
      expect(byEmail.error).to.equal(undefined);
      expect(sim.store.consumers.size).to.equal(before);
      expect(stored.name).to.equal('Mia Wong-Li');
      const byId = await run('upsertConsumer', { ...person('new@example.com'), firstName: 'Maya' }, cfg, { recordUid: code.recordUid });
      expect(byId.error).to.equal(undefined);
      expect(stored).to.deep.include({ name: 'Maya Wong', email: 'new@example.com' });
    });

    it("upsertConsumer ignores another application's recordUid (a flow's previous step) and matches by e-mail", async () => {
      const [known] = [...sim.store.consumers.values()];
      const before = sim.store.consumers.size;
      const outcome = await run('upsertConsumer', person(String(known.email)), cfg, { recordUid: '1003', applicationUid: 'cleverreach' });
      expect(outcome.error).to.equal(undefined);
      expect(sim.store.consumers.size).to.equal(before);
      expect(outcome.self.data[0].metadata).to.include({ recordUid: String(known.consumerCode), applicationUid: 'socialhub' });
    });

    it('upsertConsumer refuses to guess when the phone and the e-mail match different consumers', async () => {
      const [a, b] = [...sim.store.consumers.values()];
      const outcome = await run('upsertConsumer', person(String(b.email), `+86 ${String(a.mobilePhone)}`), cfg);
      expect(outcome.error).to.be.instanceOf(ProviderError);
      expect(outcome.error!.message).to.equal(
        `More than one SocialHub consumer matches this person's phone or e-mail (${String(a.consumerCode)}, ${String(b.consumerCode)}); refusing to guess which to update`,
      );
    });

    it('upsertStore saves an OIH Organization by its recordUid and emits it back', async () => {
      const outcome = await run('upsertStore', { name: 'Flagship Shanghai' }, {}, { recordUid: 'S100' });
      expect(outcome.error).to.equal(undefined);
      expect(sim.store.stores.get('S100')).to.deep.include({
        organizationName: 'Flagship Shanghai',
        enName: 'Flagship Shanghai',
        type: 99,
        storeStatus: 10,
      });
      expect(outcome.self.data).to.deep.equal([
        {
          metadata: { recordUid: 'S100', applicationUid: 'socialhub' },
          data: {
            name: 'Flagship Shanghai',
            categories: [
              { name: 'store', label: 'storeType' },
              { name: 'open', label: 'storeStatus' },
            ],
          },
        },
      ]);
      expectSchema('organization', outcome.self.data[0].data);
      const missing = await run('upsertStore', { name: 'No code' });
      expect(missing.error!.message).to.equal('organizationCode: is required for this operation (Organization code)');
    });

    it('upsertProducts sends batches of 100 and a resend replaces, not duplicates', async () => {
      const products = Array.from({ length: 150 }, (_, i) => ({ code: `P${i}`, name: `Product ${i}`, price: 100 + i }));
      const outcome = await run('upsertProducts', { products });
      await run('upsertProducts', { products });
      expect(outcome.self.data[0].data).to.deep.include({ synced: 150, batches: 2 });
      expect(sim.store.products.size).to.equal(150);
      expectSchema('productsOut', outcome.self.data[0].data);
    });

    it('upsertProducts checks all products before the first batch: #121 invalid sends nothing and is named products[121]', async () => {
      const products: Record<string, unknown>[] = Array.from({ length: 150 }, (_, i) => ({ code: `P${i}`, name: `Product ${i}`, price: 100 + i }));
      products[121] = { code: 'P121', name: 'Product 121', price: '19.99' };
      products[140] = { code: 'P140' };
      const outcome = await run('upsertProducts', { products });
      expect(outcome.error).to.be.instanceOf(InvalidItemsError);
      expect((outcome.error as InvalidItemsError).items.map((i) => i.field)).to.deep.equal(['products[121].price', 'products[140].name']);
      expect(outcome.error!.message).to.equal(
        'products: 2 of 150 items are invalid, nothing was sent: products[121].price: must be a whole number of cents, got "19.99"; ' +
          'products[140].name: is required for this operation (Product name)',
      );
      expect(sim.server.requests.filter((r) => r.path === '/v1/masterdata/product/batchSync')).to.deep.equal([]);
      expect(sim.store.products.size).to.equal(0);
    });
  });

  describe('simulator fidelity', () => {
    it('rejects "Bearer" tokens, answers business errors with HTTP 200, pages at most 100', async () => {
      const login = await fetch(`${sim.baseUrl}/v1/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ appId: sim.cfg.appId, appSecret: sim.cfg.appSecret }),
      });
      const token = ((await login.json()) as { data: { accessToken: string } }).data.accessToken;
      const bearer = await fetch(`${sim.baseUrl}/v1/member/loyaltyprograms`, { headers: { authorization: `Bearer ${token}` } });
      expect(bearer.status).to.equal(401);
      const big = await fetch(`${sim.baseUrl}/v1/member/list/${sim.main.consumerCode}?pageSize=101`, { headers: { authorization: token } });
      expect(big.status).to.equal(200);
      expect(await big.json()).to.deep.equal({
        code: '400',
        msg: 'pageSize must be between 1 and 100',
        resultMessage: 'pageSize must be between 1 and 100',
        data: null,
      });
    });

    it('seeds deterministically', async () => {
      const other = await startSimulator({ records: 3, seed: 7 });
      try {
        const strip = (s: SocialHubSimulator) => [...s.store.transactions.values()].map((t) => ({ ...t, orderDate: 0, updateTime: 0 }));
        expect(strip(other)).to.deep.equal(strip(sim));
        expect([...other.store.consumers.values()].map((c) => c.email)).to.deep.equal([...sim.store.consumers.values()].map((c) => c.email));
      } finally {
        await other.stop();
      }
    });
  });
});
