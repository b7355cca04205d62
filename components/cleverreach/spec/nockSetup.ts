import { useNockSandbox } from '@oih-suite/kit/testing';
import nock from 'nock';

export const BASE = 'https://rest.cleverreach.test';
/** `safetyLagSeconds: 0`: exact bounds at the fixed "now"; the safety lag has its own spec (lag.spec.ts). */
export const CFG = { client_id: 'client-abc', client_secret: 'secret-very-private', baseUrl: BASE, safetyLagSeconds: 0 };
export const TOKEN = 'access-token-0123456789';
/** A fixed "now" (2024-01-01T02:46:40.500Z) so upper bounds and timestamps are exact. */
export const NOW_MS = (1_704_067_200 + 10_000) * 1000 + 500;

/** Fresh token cache, throttle and a fixed clock per test; every interceptor must be used. */
export function useNock(): void {
  useNockSandbox(NOW_MS);
}

/** The client-credentials login CleverReach sees: form body with the client's id and secret. */
export function tokenInterceptor(scope: nock.Scope): nock.Scope {
  return scope
    .post('/oauth/token.php', 'grant_type=client_credentials&client_id=client-abc&client_secret=secret-very-private')
    .matchHeader('content-type', 'application/x-www-form-urlencoded')
    .reply(200, { access_token: TOKEN, expires_in: 2_592_000, token_type: 'bearer', scope: 'receivers:read' });
}

/** Fails the test if any request reaches the network (for "nothing was sent"). */
export function countUnmatched(): { count: number; stop(): void } {
  const state = { count: 0, stop: () => nock.emitter.removeListener('no match', listener) };
  const listener = () => {
    state.count += 1;
  };
  nock.emitter.on('no match', listener);
  return state;
}
