import { SimRequest, SimResponse, SimulatorServer, TokenIssuer, basicCredentials, bearerToken } from '@oih-suite/kit/simulator';
import { CleverReachStore, ReceiverInput, SimReceiver, nowSeconds } from './store';

export interface SimCredentials {
  clientId: string;
  clientSecret: string;
}

/** CleverReach's error envelope. */
export const apiError = (code: number, message: string): SimResponse => ({ status: code, body: { error: { code, message } } });

const MAX_PAGE_SIZE = 5000;

/** Registers `pattern` in every spelling CleverReach accepts: each `.json` suffix is optional. */
function both(server: SimulatorServer, method: string, pattern: string, handler: (req: SimRequest) => SimResponse): void {
  let variants = [''];
  for (const segment of pattern.split('/').slice(1)) {
    const plain = segment.replace(/\.json$/, '');
    const spellings = plain === segment ? [segment] : [segment, plain];
    variants = variants.flatMap((prefix) => spellings.map((s) => `${prefix}/${s}`));
  }
  for (const variant of variants) server.route(method, variant, handler);
}

export function installRoutes(server: SimulatorServer, store: CleverReachStore, tokens: TokenIssuer, credentials: SimCredentials): void {
  server.route('POST', '/oauth/token.php', (req) => issueToken(req, tokens, credentials));

  const authed = (handler: (req: SimRequest) => SimResponse) => (req: SimRequest) => {
    const state = tokens.check(bearerToken(req.headers));
    if (state === undefined) return apiError(401, 'Unauthorized: invalid token');
    if (state === 'expired') return apiError(401, 'Unauthorized: token expired');
    return handler(req);
  };

  both(
    server,
    'GET',
    '/v3/groups.json',
    authed(() => ({ body: [...store.groups.values()].map((g) => store.groupView(g)) })),
  );
  both(
    server,
    'GET',
    '/v3/groups.json/:groupId',
    authed((req) => {
      const group = store.groups.get(Number(req.params.groupId));
      return group ? { body: store.groupView(group) } : apiError(404, 'Not Found: invalid group');
    }),
  );
  both(
    server,
    'GET',
    '/v3/groups.json/:groupId/receivers',
    authed((req) => listGroupReceivers(req, store)),
  );
  both(
    server,
    'POST',
    '/v3/groups.json/:groupId/receivers/upsert',
    authed((req) => upsertMany(req, store)),
  );
  both(
    server,
    'POST',
    '/v3/groups.json/:groupId/receivers',
    authed((req) => createReceiver(req, store)),
  );
  both(
    server,
    'PUT',
    '/v3/groups.json/:groupId/receivers/:receiverId',
    authed((req) => updateReceiver(req, store)),
  );
  // filter before `:idOrEmail`, or "filter.json" would be read as an e-mail address.
  both(
    server,
    'POST',
    '/v3/receivers.json/filter.json',
    authed((req) => filterReceivers(req, store)),
  );
  both(
    server,
    'GET',
    '/v3/receivers.json/:idOrEmail',
    authed((req) => getReceiver(req, store)),
  );
  both(
    server,
    'DELETE',
    '/v3/receivers.json/:idOrEmail',
    authed((req) => deleteReceiver(req, store)),
  );
}

function issueToken(req: SimRequest, tokens: TokenIssuer, credentials: SimCredentials): SimResponse {
  const form = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, string>;
  // Client authentication in the form body or with HTTP Basic: CleverReach accepts both.
  const basic = basicCredentials(req.headers);
  const id = basic?.id ?? form.client_id;
  const secret = basic?.secret ?? form.client_secret;
  if (form.grant_type !== 'client_credentials')
    return { status: 400, body: { error: 'unsupported_grant_type', error_description: 'only client_credentials is supported here' } };
  if (id !== credentials.clientId || secret !== credentials.clientSecret) {
    return { status: 401, body: { error: 'invalid_client', error_description: 'The client credentials are invalid' } };
  }
  const issued = tokens.issue(id);
  // Client credentials return no refresh token here (whether CleverReach sends one is unknown).
  return {
    body: {
      access_token: issued.access_token,
      expires_in: issued.expires_in,
      token_type: 'bearer',
      scope: 'receivers:read receivers:write groups:read',
    },
  };
}

function listGroupReceivers(req: SimRequest, store: CleverReachStore): SimResponse {
  const groupId = Number(req.params.groupId);
  if (!store.groups.has(groupId)) return apiError(404, 'Not Found: invalid group');
  const page = Number(req.query.page ?? 0);
  const pageSize = Number(req.query.pagesize ?? 50);
  if (!Number.isInteger(page) || page < 0) return apiError(400, 'Bad Request: invalid page');
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE)
    return apiError(400, `Bad Request: pagesize must be 1..${MAX_PAGE_SIZE}`);
  const type = req.query.type ?? 'all';
  let rows: readonly SimReceiver[];
  if (req.query.email_list || req.query.id_list) {
    // A lookup: gather the few candidates through the indexes, then filter and sort them as the full list would be.
    const candidates = new Set<SimReceiver>();
    if (req.query.email_list) {
      for (const email of req.query.email_list.split(',')) for (const r of store.findAllByEmail(email)) candidates.add(r);
    } else {
      for (const id of req.query.id_list.split(',').map((e) => e.trim())) {
        const r = store.receivers.get(Number(id));
        if (r && String(r.id) === id) candidates.add(r);
      }
    }
    const ids = req.query.id_list ? new Set(req.query.id_list.split(',').map((e) => e.trim())) : undefined;
    const active = (r: SimReceiver) => {
      const m = r.memberships.get(groupId)!;
      return m.activated > 0 && m.deactivated === 0;
    };
    const members = [...candidates]
      .filter((r) => store.receivers.get(r.id) === r && r.memberships.has(groupId))
      .filter((r) => (type === 'active' ? active(r) : type === 'inactive' ? !active(r) : true))
      .filter((r) => !ids || ids.has(String(r.id)))
      .sort((a, b) => a.id - b.id);
    rows = store.sortMembers(members, groupId, req.query.order_by);
  } else rows = store.listing(groupId, type, req.query.order_by);
  // Views only for the requested page: the list is already in order.
  const views = rows.slice(page * pageSize, (page + 1) * pageSize).map((r) => store.view(r, groupId));
  return pageOf(views, page);
}

/** `order_by` is "<field> <ASC|DESC>"; ties keep id order so paging is stable. */
function sortViews(views: Record<string, unknown>[], orderBy: string | undefined): Record<string, unknown>[] {
  const [field, direction] = (orderBy ?? 'id ASC').trim().split(/\s+/);
  const sign = (direction ?? 'ASC').toUpperCase() === 'DESC' ? -1 : 1;
  const value = (v: Record<string, unknown>) => Number(v[field] ?? 0);
  return views.sort((a, b) => sign * (value(a) - value(b)) || Number(a.id) - Number(b.id));
}

/** Answers one page of views (already sliced). */
function pageOf(slice: Record<string, unknown>[], page: number): SimResponse {
  // A group without (more) receivers answers 204 with an empty list, as observed.
  return slice.length
    ? { body: slice }
    : { status: page === 0 ? 204 : 200, text: page === 0 ? '' : '[]', headers: { 'content-type': 'application/json' } };
}

function createReceiver(req: SimRequest, store: CleverReachStore): SimResponse {
  const groupId = Number(req.params.groupId);
  if (!store.groups.has(groupId)) return apiError(404, 'Not Found: invalid group');
  const input = (req.body && typeof req.body === 'object' ? req.body : {}) as ReceiverInput;
  if (typeof input.email !== 'string' || !input.email.includes('@')) return apiError(400, 'Bad Request: invalid email');
  const existing = store.findByEmail(input.email);
  if (existing?.memberships.has(groupId)) return apiError(409, 'Conflict: duplicate email');
  const receiver = store.subscribe(groupId, input);
  return { body: store.view(receiver, groupId) };
}

function updateReceiver(req: SimRequest, store: CleverReachStore): SimResponse {
  const groupId = Number(req.params.groupId);
  if (!store.groups.has(groupId)) return apiError(404, 'Not Found: invalid group');
  const receiver = store.find(req.params.receiverId);
  if (!receiver || !receiver.memberships.has(groupId)) return apiError(404, 'Not Found: invalid receiver');
  const input = (req.body && typeof req.body === 'object' ? req.body : {}) as ReceiverInput;
  if (typeof input.email === 'string' && input.email.trim()) {
    const other = store.findByEmail(input.email);
    if (other && other !== receiver) return apiError(409, 'Conflict: duplicate email');
  }
  store.apply(receiver, groupId, input);
  return { body: store.view(receiver, groupId) };
}

function upsertMany(req: SimRequest, store: CleverReachStore): SimResponse {
  const groupId = Number(req.params.groupId);
  if (!store.groups.has(groupId)) return apiError(404, 'Not Found: invalid group');
  if (!Array.isArray(req.body)) return apiError(400, 'Bad Request: expected an array of receivers');
  if (req.body.length > 1000) return apiError(413, 'Request Entity Too Large: at most 1000 receivers per upsert');
  const results: Record<string, unknown>[] = [];
  for (const item of req.body as ReceiverInput[]) {
    if (typeof item.email !== 'string' || !item.email.includes('@')) continue;
    const existing = store.findByEmail(item.email);
    const receiver = existing?.memberships.has(groupId) ? existing : store.subscribe(groupId, item);
    if (existing?.memberships.has(groupId)) store.apply(existing, groupId, item);
    results.push(store.view(receiver, groupId));
  }
  return { body: results };
}

function getReceiver(req: SimRequest, store: CleverReachStore): SimResponse {
  const receiver = store.find(req.params.idOrEmail);
  const groupId = req.query.group_id ? Number(req.query.group_id) : receiver ? [...receiver.memberships.keys()][0] : undefined;
  if (!receiver || groupId === undefined || !receiver.memberships.has(groupId)) return apiError(404, 'Not Found: invalid receiver');
  return { body: store.view(receiver, groupId) };
}

function deleteReceiver(req: SimRequest, store: CleverReachStore): SimResponse {
  const receiver = store.find(req.params.idOrEmail);
  const groupId = req.query.group_id ? Number(req.query.group_id) : undefined;
  if (!receiver || !store.remove(receiver.id, groupId)) return apiError(404, 'Not Found: invalid receiver');
  // CleverReach confirms a deletion with the literal body `true`.
  return { text: 'true', headers: { 'content-type': 'application/json' } };
}

interface FilterRule {
  field?: string;
  logic?: string;
  condition?: string;
}

/** `POST /v3/receivers/filter.json`: rules with bg / sm / eq / contains over the given groups. */
function filterReceivers(req: SimRequest, store: CleverReachStore): SimResponse {
  const body = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
  const groups = Array.isArray(body.groups) && body.groups.length ? body.groups.map(Number) : [...store.groups.keys()];
  const rules = (Array.isArray(body.rules) ? body.rules : []) as FilterRule[];
  const and = String(body.operator ?? 'AND').toUpperCase() !== 'OR';
  const views: Record<string, unknown>[] = [];
  for (const groupId of groups) {
    for (const receiver of store.members(groupId)) {
      const view = store.view(receiver, groupId);
      const results = rules.map((rule) => matches(view, rule));
      if (results.length === 0 || (and ? results.every(Boolean) : results.some(Boolean))) views.push(view);
    }
  }
  const pageSize = Number(body.pagesize ?? 50);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE)
    return apiError(400, `Bad Request: pagesize must be 1..${MAX_PAGE_SIZE}`);
  const sorted = sortViews(views, typeof body.orderby === 'string' ? body.orderby : undefined);
  const page = Number(body.page ?? 0);
  return { body: sorted.slice(page * pageSize, (page + 1) * pageSize) };
}

function matches(view: Record<string, unknown>, rule: FilterRule): boolean {
  const value = view[rule.field ?? ''];
  const condition = String(rule.condition ?? '');
  switch (rule.logic) {
    case 'bg':
      return Number(value) > Number(condition);
    case 'sm':
      return Number(value) < Number(condition);
    case 'eq':
      return String(value) === condition;
    case 'contains':
      return Array.isArray(value) ? value.map(String).includes(condition) : String(value ?? '').includes(condition);
    default:
      return false;
  }
}

export { nowSeconds };
