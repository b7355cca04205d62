import { expect } from 'chai';
import { ConfigurationError } from '@oih-suite/kit';
import { resetSharedThrottles, sharedAdaptiveRate } from '@oih-suite/kit/engine';
import { createClient, credentialKey, readRateCap } from '../lib/client';
import { CFG } from './nockSetup';

describe('CleverReach request rate', () => {
  afterEach(() => resetSharedThrottles());

  it('has no cap unless maxRequestsPerSecond is set; accepts numbers and numeric text', () => {
    expect(readRateCap({})).to.equal(undefined);
    expect(readRateCap({ maxRequestsPerSecond: '' })).to.equal(undefined);
    expect(readRateCap({ maxRequestsPerSecond: 4 })).to.equal(4);
    expect(readRateCap({ maxRequestsPerSecond: '2.5' })).to.equal(2.5);
  });

  it('rejects a cap that is not a positive number of requests per second, naming the field', () => {
    for (const bad of ['0', '-1', 'fast', 5000]) {
      expect(() => readRateCap({ maxRequestsPerSecond: bad }), String(bad))
        .to.throw(ConfigurationError, /maxRequestsPerSecond/)
        .with.property('message')
        .that.includes(String(bad));
    }
  });

  it("uses the credential's adaptive rate, capped by maxRequestsPerSecond (the lowest cap of its steps wins)", () => {
    createClient({ ...CFG });
    expect(sharedAdaptiveRate(credentialKey(CFG)).rate()).to.equal(50);
    createClient({ ...CFG, maxRequestsPerSecond: 3 });
    expect(sharedAdaptiveRate(credentialKey(CFG)).rate()).to.equal(3);
    expect(sharedAdaptiveRate(credentialKey({ ...CFG, client_id: 'other' })).rate()).to.equal(50);
  });
});
