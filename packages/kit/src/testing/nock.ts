import { expect } from 'chai';
import nock from 'nock';
import { clearTokenCache } from '../http/auth';
import { resetSharedThrottles } from '../http/throttle';
import { realClock, timing } from '../util/timing';

/**
 * Mocha hooks for a nock-based spec: per test a fresh token cache and throttles, a fixed "now"
 * (so upper bounds and timestamps are exact), retry waits shrunk so an unmatched request fails
 * fast; afterwards every interceptor the test declared must have been used.
 */
export function useNockSandbox(nowMs: number, resetProvider?: () => void): void {
  let previousScale = 1;
  beforeEach(() => {
    clearTokenCache();
    resetSharedThrottles();
    resetProvider?.();
    timing.clock = { now: () => nowMs, sleep: (ms) => realClock.sleep(ms) };
    previousScale = timing.scale;
    timing.scale = 0.001;
  });
  afterEach(() => {
    timing.clock = realClock;
    timing.scale = previousScale;
    const unused = nock.pendingMocks();
    nock.cleanAll();
    expect(unused, 'unused nock interceptors').to.deep.equal([]);
  });
}
