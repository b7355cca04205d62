import type { SimHandler, SimRequest, SimulatorServer, TokenIssuer } from '@oih-suite/kit/simulator';
import { BusinessError, fail, need, ok, page, pageRange, paging } from './envelope';
import { Row, SocialHubStore, parseTime, timeRange } from './store';

const bodyOf = (req: SimRequest): Row => (req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? (req.body as Row) : {});
const DECREASES = new Set([7, 8, 9]);

/** Wraps a handler: token check (raw token, no "Bearer"), envelope, business errors as HTTP 200. */
function api(issuer: TokenIssuer, handler: (req: SimRequest) => unknown): SimHandler {
  return (req) => {
    const token = req.headers.authorization;
    if (!token || /^Bearer\s/i.test(token)) return fail('401', 'Authorization must carry the raw access token', 401);
    const subject = issuer.check(token);
    if (subject === 'expired') return fail('401', 'access token expired', 401);
    if (!subject) return fail('401', 'invalid access token', 401);
    try {
      return ok(handler(req));
    } catch (error) {
      if (error instanceof BusinessError) return fail(error.code, error.message);
      throw error;
    }
  };
}

export interface AppCredentials {
  appId: string;
  appSecret: string;
}

/** Every route of the SocialHub system API the component uses, over one store. */
export function installRoutes(server: SimulatorServer, store: SocialHubStore, issuer: TokenIssuer, app: AppCredentials): void {
  const tokenData = (t: { access_token: string; refresh_token: string; expires_in: number }) => ({
    accessToken: t.access_token,
    refreshToken: t.refresh_token,
    expiresIn: t.expires_in,
  });
  server.route('POST', '/v1/auth/token', (req) => {
    const body = bodyOf(req);
    if (body.appId !== app.appId || body.appSecret !== app.appSecret) return fail('40001', 'appId or appSecret is invalid');
    return ok(tokenData(issuer.issue(app.appId)));
  });
  server.route('POST', '/v1/auth/refreshToken', (req) => {
    const next = issuer.useRefreshToken(req.headers.authorization);
    return next ? ok(tokenData(next)) : fail('40102', 'refresh token is invalid or expired');
  });

  const route = (method: string, path: string, handler: (req: SimRequest) => unknown) => server.route(method, path, api(issuer, handler));
  const consumer = (code: unknown): Row => {
    const found = store.consumers.get(String(code));
    if (!found) throw new BusinessError('404', `consumer ${String(code)} not found`);
    return found;
  };
  const findByPhone = (phone: unknown, prefix?: unknown) =>
    [...store.consumers.values()].filter((c) => c.mobilePhone === String(phone) && (!prefix || c.phonePrefCode === prefix));

  // Member management
  route('GET', '/v1/member/loyaltyprograms', () => store.loyaltyPrograms);
  route('GET', '/v1/member/list/:consumerCode', (req) => {
    consumer(req.params.consumerCode);
    const cards = [...store.members.values()].filter(
      (m) => m.consumerCode === req.params.consumerCode && (!req.query.loyaltyCode || m.loyaltyProgramCode === req.query.loyaltyCode),
    );
    return page(cards, paging(req.query));
  });
  route('POST', '/v1/member/admission', (req) => {
    const body = bodyOf(req);
    need(body, 'loyaltyProgramCode', 'mobilePhone');
    if (!store.loyaltyPrograms.some((p) => p.loyaltyProgramCode === body.loyaltyProgramCode))
      throw new BusinessError('404', 'loyalty program not found');
    const prefix = body.phonePrefCode ?? '+86';
    const existing = findByPhone(body.mobilePhone, prefix)[0];
    const person =
      existing ??
      store.addConsumer({ name: body.name, mobilePhone: body.mobilePhone, phonePrefCode: prefix, email: body.email, sourceCode: body.sourceCode });
    const already = [...store.members.values()].find(
      (m) => m.consumerCode === person.consumerCode && m.loyaltyProgramCode === body.loyaltyProgramCode,
    );
    if (already) throw new BusinessError('40901', 'the consumer is already a member of this program');
    return store.addMember(String(person.consumerCode), String(body.loyaltyProgramCode), body.storeCode);
  });
  route('GET', '/v1/member/:cardNo', (req) => {
    const member = store.members.get(req.params.cardNo);
    if (!member) throw new BusinessError('404', `card ${req.params.cardNo} not found`);
    return member;
  });

  // Customer management
  route('POST', '/v1/consumer', (req) => {
    const body = bodyOf(req);
    need(body, 'name', 'mobilePhone', 'phonePrefCode', 'sourceCode', 'organizationCode');
    if (findByPhone(body.mobilePhone, body.phonePrefCode).length)
      throw new BusinessError('40901', 'a consumer with this mobile phone already exists');
    return store.addConsumer(body);
  });
  route('POST', '/v1/consumer/event/data', (req) => {
    const events = bodyOf(req).data;
    if (!Array.isArray(events) || events.length === 0) throw new BusinessError('400', 'data must be a non-empty array');
    events.forEach((e: Row, i) => {
      for (const f of ['eventKey', 'eventTime', 'customerCode', 'eventId', 'tenantId', 'properties']) {
        if (e?.[f] === undefined || e[f] === null || e[f] === '') throw new BusinessError('400', `data[${i}].${f} is required`);
      }
      if (typeof e.eventTime !== 'number') throw new BusinessError('400', `data[${i}].eventTime must be epoch milliseconds`);
    });
    // One event per (tenantId, eventId): a resent batch adds nothing.
    for (const e of events as Row[]) {
      const key = `${String(e.tenantId)}|${String(e.eventId)}`;
      if (!store.events.has(key)) store.events.set(key, { eventType: 'track', ...e });
    }
    return null;
  });
  route('GET', '/v1/consumer/info', (req) => {
    const q = req.query;
    need(q, 'type', 'query', 'timestamp', 'nonceId');
    if (store.nonces.has(q.nonceId)) throw new BusinessError('40003', 'nonceId has already been used');
    store.nonces.add(q.nonceId);
    if (q.type === '1') return findByPhone(q.query, q.phonePrefCode);
    if (q.type === '2') return [...store.consumers.values()].filter((c) => String(c.email ?? '').toLowerCase() === q.query.toLowerCase());
    throw new BusinessError('400', 'type must be 1 (mobile phone) or 2 (e-mail)');
  });
  route('PUT', '/v1/consumer/updateInfo/:consumerCode', (req) => {
    const found = consumer(req.params.consumerCode);
    Object.assign(found, bodyOf(req), { consumerCode: found.consumerCode, updateTime: Date.now() });
    return found;
  });
  route('POST', '/v1/consumer/binding', (req) => {
    const body = bodyOf(req);
    need(body, 'consumerCode', 'accountType', 'unionId');
    consumer(body.consumerCode);
    if (store.thirdAccounts.some((a) => a.unionId === body.unionId && a.accountType === body.accountType && a.consumerCode !== body.consumerCode))
      throw new BusinessError('40901', 'this third-party account is bound to another consumer');
    if (!store.thirdAccounts.some((a) => a.unionId === body.unionId && a.consumerCode === body.consumerCode)) store.thirdAccounts.push({ ...body });
    return null;
  });
  route('GET', '/v1/consumer/thirdaccounts/:unionId', (req) => store.thirdAccounts.filter((a) => a.unionId === req.params.unionId));

  // Order management
  route('POST', '/v1/transactions/page/:consumerCode', (req) => {
    const body = bodyOf(req);
    const zone = store.zoneOffsetMinutes;
    const from = parseTime(body.beginDate, zone) ?? -Infinity;
    // A date alone as the end means the whole day.
    const endText = String(body.endDate ?? '');
    const to = endText.length === 10 ? parseTime(endText, zone)! + 86_399_999 : (parseTime(body.endDate, zone) ?? Infinity);
    const sorted = store.sortedTransactions(req.params.consumerCode);
    return pageRange(sorted.rows, timeRange(sorted, from, to), paging(body));
  });
  route('POST', '/v1/transactions/sync', (req) => {
    const body = bodyOf(req);
    need(body, 'transactionCode', 'storeCode');
    let consumerCode: unknown = null;
    if (body.type !== undefined) {
      need(body, 'params');
      const match =
        Number(body.type) === 1
          ? findByPhone(body.params, body.phonePrefCode)[0]
          : [...store.consumers.values()].find((c) => (Number(body.type) === 2 ? c.email === body.params : c.employeeId === body.params));
      if (!match) throw new BusinessError('404', 'no consumer matches type/params');
      consumerCode = match.consumerCode;
    }
    const now = store.wallTime(store.nextTime());
    store.transactions.set(String(body.transactionCode), { orderDate: now, ...body, consumerCode, updateTime: now });
    return null;
  });
  route('POST', '/v1/transactions/:orderCode', (req) => {
    const transaction = store.transactions.get(req.params.orderCode);
    if (!transaction) throw new BusinessError('404', `transaction ${req.params.orderCode} not found`);
    return transaction;
  });

  // Points management
  route('GET', '/v1/points/pointsAccount/:cardNo', (req) => {
    if (!store.members.has(req.params.cardNo)) throw new BusinessError('404', `card ${req.params.cardNo} not found`);
    const accounts = [...store.pointsAccounts.values()].filter(
      (a) => a.cardNo === req.params.cardNo && (!req.query.pointsGroupCode || a.pointsGroupCode === req.query.pointsGroupCode),
    );
    return page(accounts, paging(req.query));
  });
  route('GET', '/v1/points/pointsRecords/:accountCode', (req) => {
    const q = req.query;
    if (!store.pointsAccounts.has(req.params.accountCode)) throw new BusinessError('404', `points account ${req.params.accountCode} not found`);
    const from = q.beginDate ? Number(q.beginDate) : -Infinity;
    const to = q.endDate ? Number(q.endDate) : Infinity;
    const sorted = store.sortedPointsRecords(req.params.accountCode, q.status);
    if (sorted) return pageRange(sorted.rows, timeRange(sorted, from, to), paging(q));
    // A record whose time or id is not a number: no order to keep, filter and sort as they come.
    const time = (r: Row) => Number(r.updateTime ?? r.createTime);
    const list = store.pointsRecords
      .filter((r) => r.accountCode === req.params.accountCode && (q.status === undefined || String(r.status) === q.status))
      .filter((r) => time(r) >= from && time(r) <= to)
      .sort((a, b) => time(a) - time(b) || Number(a.recordId) - Number(b.recordId));
    return page(list, paging(q));
  });
  route('POST', '/v1/points/adjustment', (req) => {
    const body = bodyOf(req);
    need(body, 'accountType', 'accountCode', 'operationId', 'operationType', 'pointValue');
    // The idempotency key: the same operationId answers as the first time and changes nothing.
    const replay = store.adjustments.get(String(body.operationId));
    if (replay) return replay;
    const account =
      Number(body.accountType) === 2
        ? [...store.pointsAccounts.values()].find(
            (a) => a.cardNo === body.accountCode && (!body.pointsGroupCode || a.pointsGroupCode === body.pointsGroupCode),
          )
        : store.pointsAccounts.get(String(body.accountCode));
    if (!account) throw new BusinessError('404', `points account ${String(body.accountCode)} not found`);
    const type = Number(body.operationType);
    if (![6, 7, 8, 9].includes(type)) throw new BusinessError('400', 'operationType must be 6, 7, 8 or 9');
    const value = Number(body.pointValue);
    const change = DECREASES.has(type) ? -value : value;
    if (Number(account.balance) + change < 0) throw new BusinessError('40002', 'insufficient points');
    account.balance = Number(account.balance) + change;
    const record = store.addPointsRecord({
      accountCode: account.accountCode,
      operationType: type,
      pointValue: value,
      pointDesc: body.pointDesc ?? null,
      operationId: body.operationId,
      effectiveEndTime: body.effectiveEndTime ?? null,
    });
    const result = {
      operationId: body.operationId,
      accountCode: account.accountCode,
      recordId: record.recordId,
      pointValue: value,
      balance: account.balance,
    };
    store.adjustments.set(String(body.operationId), result);
    return result;
  });

  // Master data management
  route('POST', '/v1/masterdata/product/batchSync', (req) => {
    if (!Array.isArray(req.body)) throw new BusinessError('400', 'the body must be an array of products');
    if (req.body.length > 100) throw new BusinessError('400', 'at most 100 products per call');
    (req.body as Row[]).forEach((p, i) => {
      if (!p?.code || !p?.name) throw new BusinessError('400', `[${i}] code and name are required`);
    });
    for (const p of req.body as Row[]) store.products.set(String(p.code), { ...p });
    return null;
  });
  route('POST', '/v1/masterdata/store', (req) => {
    const body = bodyOf(req);
    need(body, 'organizationCode', 'organizationName');
    const existing = store.stores.get(String(body.organizationCode));
    const saved = { id: existing?.id ?? `ST${store.stores.size + 1}`, type: 99, storeStatus: 10, ...existing, ...body };
    store.stores.set(String(body.organizationCode), saved);
    return saved;
  });
}
