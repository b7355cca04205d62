import { SimRequest, SimResponse, SimulatorServer, TokenIssuer, basicCredentials, bearerToken } from '@oih-suite/kit/simulator';
import type { ReferenceKind } from './data';
import type { SmilebackStore } from './store';
import { parseMicros } from './time';

export interface SimAccount {
  username: string;
  password: string;
  clientId: string;
  clientSecret: string;
}

export interface RouteOptions {
  /** Answer the six reference lists as plain arrays (an older API shape) instead of envelopes. */
  plainArrays(): boolean;
}

/** DRF LimitOffsetPagination: default 100, `max_limit` 1000. */
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;
const REFERENCE: ReferenceKind[] = ['csat-agents', 'csat-boards', 'csat-companies', 'csat-contacts', 'nps-campaigns', 'prj-surveys'];

export const detail = (status: number, text: string): SimResponse => ({ status, body: { detail: text } });

/** Django-OAuth-Toolkit token errors: `{error, error_description}`. */
const oauthError = (status: number, error: string, description?: string): SimResponse => ({
  status,
  body: description ? { error, error_description: description } : { error },
});

export function installRoutes(server: SimulatorServer, store: SmilebackStore, tokens: TokenIssuer, account: SimAccount, options: RouteOptions): void {
  const clientOk = (req: SimRequest): boolean => {
    const form = formOf(req);
    const basic = basicCredentials(req.headers);
    const id = basic?.id ?? form.client_id;
    const secret = basic?.secret ?? form.client_secret;
    return id === account.clientId && secret === account.clientSecret;
  };

  server.route('POST', '/api/token', (req) => {
    // v3.1: parameters go in the body; values in the query string are not read.
    const form = formOf(req);
    if (!clientOk(req)) return oauthError(401, 'invalid_client');
    if (form.grant_type === 'password') {
      if (form.username !== account.username || form.password !== account.password) {
        return oauthError(400, 'invalid_grant', 'Invalid credentials given.');
      }
      return { body: { ...tokens.issue(account.username), scope: form.scope || 'read' } };
    }
    if (form.grant_type === 'refresh_token') {
      const issued = tokens.useRefreshToken(form.refresh_token);
      return issued ? { body: { ...issued, scope: 'read' } } : oauthError(400, 'invalid_grant');
    }
    return oauthError(400, 'unsupported_grant_type');
  });

  server.route('POST', '/api/revoke', (req) => {
    if (!clientOk(req)) return oauthError(401, 'invalid_client');
    const form = formOf(req);
    if (form.token) tokens.revoke(form.token);
    // RFC 7009: an unknown token is not an error.
    return { status: 200, text: '' };
  });

  const authed =
    (handler: (req: SimRequest) => SimResponse) =>
    (req: SimRequest): SimResponse => {
      const subject = tokens.check(bearerToken(req.headers));
      if (!subject || subject === 'expired') return detail(401, 'Authentication credentials were not provided.');
      return handler(req);
    };

  server.route(
    'GET',
    '/api/v3/reviews',
    authed((req) => {
      const since = timeParam(req, 'modified_since');
      if (since === 'invalid') return { status: 400, body: { modified_since: ['Enter a valid date/time.'] } };
      return paged(req, store.listReviews(since, truthy(req.query.include_unrated)));
    }),
  );
  server.route(
    'GET',
    '/api/v3/reviews/:id',
    authed((req) => {
      const review = /^\d+$/.test(req.params.id) ? store.review(Number(req.params.id)) : undefined;
      return review ? { body: review } : detail(404, 'Not found.');
    }),
  );
  server.route(
    'GET',
    '/api/v3/nps-responses',
    authed((req) => {
      const since = timeParam(req, 'created_since');
      if (since === 'invalid') return { status: 400, body: { created_since: ['Enter a valid date/time.'] } };
      const score = (name: string) => (req.query[name] !== undefined && req.query[name] !== '' ? Number(req.query[name]) : undefined);
      return paged(
        req,
        store.listNps({
          sinceUs: since,
          campaign: req.query.campaign_name || undefined,
          gt: score('score_gt'),
          lt: score('score_lt'),
          exact: score('score_exact'),
        }),
      );
    }),
  );
  server.route(
    'GET',
    '/api/v3/prj-responses',
    authed((req) => paged(req, store.listProjectResponses())),
  );
  for (const kind of REFERENCE) {
    server.route(
      'GET',
      `/api/v3/${kind}`,
      authed((req) => (options.plainArrays() ? { body: store.reference[kind] } : paged(req, store.reference[kind]))),
    );
  }
}

/** One DRF page: `{count, next, previous, results}` with absolute links on the host the client used. */
function paged<T>(req: SimRequest, all: T[]): SimResponse {
  const requested = Number(req.query.limit);
  const limit = Number.isInteger(requested) && requested > 0 ? Math.min(requested, MAX_LIMIT) : DEFAULT_LIMIT;
  const offsetRaw = Number(req.query.offset);
  const offset = Number.isInteger(offsetRaw) && offsetRaw > 0 ? offsetRaw : 0;
  const link = (at: number) => {
    const url = new URL(req.path, req.origin);
    for (const [key, value] of Object.entries(req.query)) url.searchParams.set(key, value);
    url.searchParams.set('limit', String(limit));
    if (at > 0) url.searchParams.set('offset', String(at));
    else url.searchParams.delete('offset');
    return url.toString();
  };
  return {
    body: {
      count: all.length,
      next: offset + limit < all.length ? link(offset + limit) : null,
      previous: offset > 0 ? link(Math.max(0, offset - limit)) : null,
      results: all.slice(offset, offset + limit),
    },
  };
}

function timeParam(req: SimRequest, name: string): number | undefined | 'invalid' {
  const raw = req.query[name];
  if (raw === undefined || raw === '') return undefined;
  return parseMicros(raw) ?? 'invalid';
}

function truthy(value: string | undefined): boolean {
  return value !== undefined && ['true', 'True', '1'].includes(value);
}

function formOf(req: SimRequest): Record<string, string> {
  return req.body && typeof req.body === 'object' ? (req.body as Record<string, string>) : {};
}
