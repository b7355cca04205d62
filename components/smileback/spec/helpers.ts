import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import nock from 'nock';
import { clearTokenCache, resetSharedThrottles, timing } from '@oih-suite/kit/engine';
import { useNockSandbox } from '@oih-suite/kit/testing';
import { forgetTokens } from '../lib/auth';
import type { Review } from '../lib/types';

export const BASE = 'https://smileback.test/api';
export const ORIGIN = 'https://smileback.test';
export const CFG = {
  username: 'jane@example.com',
  password: 'pw-very-private',
  client_id: 'client-abc',
  client_secret: 'secret-very-private',
  baseUrl: BASE,
  // Exact bounds at the fixed "now"; the safety lag has its own spec (lag.spec.ts).
  safetyLagSeconds: 0,
};
export const TOKEN = 'access-token-0123456789';
export const REFRESH = 'refresh-token-0123456789';
/** A fixed "now" (2024-12-13T00:00:00.500Z) so upper bounds and snapshots are exact. */
export const NOW_MS = Date.parse('2024-12-13T00:00:00.500Z');
export const UNTIL = '2024-12-13T00:00:00.499Z';

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);

/** Validates `data` against one of the component's schemas (as component.json names them). */
export function expectSchema(file: string, data: unknown): void {
  const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'lib', 'schemas', file), 'utf8')) as object;
  const validate = ajv.compile(schema);
  expect(validate(data), `${file}: ${ajv.errorsText(validate.errors)} in ${JSON.stringify(data)}`).to.equal(true);
}

/** Fresh token cache, throttles and a fixed clock per test; every interceptor must be used. */
export function useNock(): void {
  useNockSandbox(NOW_MS, forgetTokens);
}

/**
 * Hooks for several containers on one simulator account: the rate windows compressed by `scale`
 * (the simulator's too), fresh throttles and tokens per test; `stop` ends the test's simulators.
 */
export function useCompressedMinute(scale: number, stop: () => Promise<unknown>): void {
  let previous = 1;
  beforeEach(() => {
    previous = timing.intervalScale;
    timing.intervalScale = scale;
    resetSharedThrottles();
    clearTokenCache();
  });
  afterEach(async () => {
    timing.intervalScale = previous;
    resetSharedThrottles();
    await stop();
  });
}

/** The password grant SmileBack sees: every parameter in the form body (API v3.1), none in the URL. */
export const PASSWORD_FORM =
  'grant_type=password&username=jane%40example.com&password=pw-very-private&scope=read&client_id=client-abc&client_secret=secret-very-private';

export function tokenInterceptor(scope: nock.Scope, body: Record<string, unknown> = {}): nock.Scope {
  return scope
    .post('/api/token/', PASSWORD_FORM)
    .matchHeader('content-type', 'application/x-www-form-urlencoded')
    .reply(200, { access_token: TOKEN, refresh_token: REFRESH, expires_in: 36_000, token_type: 'Bearer', scope: 'read', ...body });
}

/** A DRF page as SmileBack sends it. */
export function page<T>(
  results: T[],
  next: string | null = null,
  count = results.length,
): { count: number; next: string | null; previous: null; results: T[] } {
  return { count, next, previous: null, results };
}

/** The review of the API documentation's example, with overrides. */
export function review(id: number, lastModified: string, changes: Partial<Review> = {}): Review {
  return {
    id,
    rating: 1,
    comment: 'quick fix, thanks',
    ticket: {
      id: '2864851',
      title: 'SL report issue',
      segment: { id: '1', name: 'Engineering' },
      agents: ['AshK', 'NiamhF'],
      closed_on: '2024-12-12T01:32:42Z',
    },
    contact: { id: '2522', name: 'John Doe', email: 'johndoe@missing.nz' },
    company: {
      id: '500',
      name: 'Missing NZ',
      territory_name: 'New Zealand',
      territory_remote_id: '2',
      market_name: 'Manufacturing',
      market_remote_id: '14',
    },
    status: 'open',
    tags: [],
    has_marketing_permission: false,
    viewed_on: null,
    rated_on: '2024-12-12T01:48:29.627972Z',
    permalink: 'https://app.smileback.io/reviews/2864851/',
    last_modified: lastModified,
    ...changes,
  };
}
