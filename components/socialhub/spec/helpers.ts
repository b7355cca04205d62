import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { expect } from 'chai';
import nock from 'nock';
import { clearTokenCache, resetSharedThrottles, timing } from '@oih-suite/kit/engine';
import { AnyProcess, RunOutcome, TriggerContractFixture, runProcess } from '@oih-suite/kit/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SocialHubSimulator, startSimulator } from '../simulator';

export const BASE = 'https://s1.socialhub.ai/openapi-prod';
export const CREDS = { appId: 'app-1', appSecret: 'secret-app-value' };

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);

/** Validates emitted data against one of our schemas (lib/schemas/<name>.json). */
export function expectSchema(name: string, data: unknown): void {
  const schema = JSON.parse(readFileSync(join(__dirname, '..', 'lib', 'schemas', `${name}.json`), 'utf8')) as object;
  const validate = ajv.compile(schema);
  expect(validate(data), `${name}: ${ajv.errorsText(validate.errors)}`).to.equal(true);
}

/** A token endpoint that answers once with `token`. */
export function tokenScope(token = 'tok-1', body: object = CREDS): nock.Scope {
  return nock(BASE)
    .post('/v1/auth/token', body as nock.RequestBodyMatcher)
    .reply(200, { code: '200', msg: 'success', data: { accessToken: token, refreshToken: `ref-${token}`, expiresIn: 7200 } });
}

export const envelope = (data: unknown) => ({ code: '200', msg: 'success', data });

export function freshState(): void {
  nock.cleanAll();
  clearTokenCache();
  resetSharedThrottles();
}

/** Runs an action with an OIH message. */
export function runAction(step: { process: unknown }, data: unknown, cfg: Record<string, unknown> = {}, metadata: object = {}): Promise<RunOutcome> {
  return runProcess(step.process as AnyProcess, { metadata, data }, { ...CREDS, ...cfg });
}

export const load = <T>(kind: 'actions' | 'triggers', id: string): T => require(`../lib/${kind}/${id}`) as T;

/**
 * A fresh simulator (no rate limits) for each test of the calling `describe`, with the kit's
 * clock fixed at `now`; `current()` is the running one.
 */
export function useSimulatorAt(now: number): { current(): SocialHubSimulator } {
  const previousClock = timing.clock;
  let sim: SocialHubSimulator;
  beforeEach(async () => {
    freshState();
    sim = await startSimulator({ rateLimits: false });
    timing.clock = { ...previousClock, now: () => now };
  });
  afterEach(async () => {
    timing.clock = previousClock;
    await sim.stop();
  });
  return { current: () => sim };
}

/** The points trigger against a fresh simulator with the main account's history (the contract and hostile suites). */
export function pointsContractFixture(trigger: { process: AnyProcess }): TriggerContractFixture {
  let sim: SocialHubSimulator;
  return {
    trigger,
    async start() {
      freshState();
      sim = await startSimulator({ rateLimits: false });
      return { cfg: { ...sim.cfg, accountCode: sim.main.accountCode }, sim: sim.server };
    },
    stop: () => sim.stop(),
    addRecords: (count, options) => sim.addPointsRecords(count, options),
    touchRecords: (ids) => sim.touchPointsRecords(ids),
    breakRecordId: (id, value) => {
      const record = sim.store.pointsRecords.find((r) => String(r.recordId) === id)!;
      record.recordId = value;
      sim.store.pointsRecordsChanged();
    },
    expireTokens: () => sim.expireTokens(),
    isPageRequest: (req) => req.path.startsWith('/v1/points/pointsRecords/'),
  };
}
