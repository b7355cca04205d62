import { expect } from 'chai';
import nock from 'nock';
import { hashKey } from '@oih-suite/kit';
import { Clock, resetSharedThrottles, sharedThrottle, timing } from '@oih-suite/kit/engine';
import { HARD_LIMITS } from '../lib/client';
import { clientOf } from '@oih-suite/kit';
import { maestroqa } from '../lib/provider';

const BASE = 'https://maestro.test/api/v1';
const cfg = { apiToken: 'throttle-test-token-123', baseUrl: BASE };

/** Virtual time: sleeping advances the clock at once, so a minute of throttling takes milliseconds. */
function fakeClock(start = Date.parse('2024-05-01T00:00:00Z')): Clock & { t: number } {
  const clock = {
    t: start,
    now: () => clock.t,
    // Time moves after the sleeper yields, so whoever runs in between sees the old time.
    sleep: async (ms: number) => {
      await new Promise((resolve) => setImmediate(resolve));
      clock.t += Math.max(0, ms);
    },
  };
  return clock;
}

describe('maestroqa hard-bucket throttle', () => {
  const previous = { ...timing };
  let clock: ReturnType<typeof fakeClock>;
  beforeEach(() => {
    clock = fakeClock();
    timing.clock = clock;
    resetSharedThrottles();
  });
  afterEach(() => {
    Object.assign(timing, previous);
    resetSharedThrottles();
    nock.cleanAll();
  });

  it('never sends 2 coaching exports in one second or 31 in one minute', async () => {
    const scope = nock(BASE, { reqheaders: { apiToken: cfg.apiToken } })
      .post('/coaching-sessions', { startDate: '2024-01-01', endDate: '2024-01-01', timeAxis: 'createdAt' })
      .times(70)
      .reply(200, []);
    const client = clientOf(maestroqa, cfg);
    // Request start times as the throttle grants them (the network round trip runs in real time,
    // during which the virtual clock moves on, so times seen by the server would be skewed).
    const throttle = sharedThrottle(`maestroqa:hard:${hashKey(cfg.apiToken)}`, HARD_LIMITS);
    const acquire = throttle.acquire.bind(throttle);
    const sent: number[] = [];
    throttle.acquire = async () => {
      const waited = await acquire();
      sent.push(clock.now());
      return waited;
    };
    // Two clients with one token share the bucket, as two steps of one flow would.
    const other = clientOf(maestroqa, cfg);
    await Promise.all(Array.from({ length: 70 }, (_, i) => (i % 2 ? client : other).coachingSessions('2024-01-01', '2024-01-01', 'createdAt')));
    expect(scope.isDone()).to.equal(true);
    expect(sent).to.have.length(70);
    for (let i = 1; i < sent.length; i += 1) expect(sent[i] - sent[i - 1], `gap before request ${i}`).to.be.at.least(1000);
    for (let i = 30; i < sent.length; i += 1) expect(sent[i] - sent[i - 30], `31 requests within a minute ending at ${i}`).to.be.at.least(60_000);
    // The budget is spent fully: 30 in the first minute, not fewer.
    expect(sent.filter((t) => t < sent[0] + 60_000)).to.have.length(30);
  });

  for (const [word, waitMs] of [
    ['second', 1000],
    ['minute', 60_000],
  ] as const) {
    it(`a 429 saying "past ${word}" without Retry-After waits ${waitMs} ms, then succeeds`, async () => {
      const at: number[] = [];
      const scope = nock(BASE)
        .post('/coaching-sessions')
        .reply(() => {
          at.push(clock.now());
          return [429, { error: `Too many requests in the past ${word}.` }];
        })
        .post('/coaching-sessions')
        .reply(() => {
          at.push(clock.now());
          return [200, [{ _id: 's1' }]];
        });
      const sessions = await clientOf(maestroqa, cfg).coachingSessions('2024-01-01', '2024-01-02', 'createdAt');
      expect(sessions).to.deep.equal([{ _id: 's1' }]);
      expect(scope.isDone()).to.equal(true);
      expect(at[1] - at[0]).to.be.at.least(waitMs);
      expect(at[1] - at[0]).to.be.below(waitMs + 1100);
    });
  }
});
