import { expect } from 'chai';
import { Emitter } from '../src/messages/emitter';
import { detectFormat, isTombstone, oihMessage, readInput, toRuntimeMessage, tombstone } from '../src/messages/message';
import type { ElasticioMessage, OihMessage } from '../src/messages/message';
import { RecordingSelf } from '../src/testing/recorder';
import { metrics } from '../src/util/metrics';
import { Redactor } from '../src/util/redact';

describe('messages', () => {
  describe('readInput', () => {
    it('reads an OIH message from data', () => {
      expect(readInput({ metadata: { recordUid: '1' }, data: { a: 1 } })).to.deep.equal({ metadata: { recordUid: '1' }, data: { a: 1 } });
    });

    it('reads an elastic.io message from body', () => {
      expect(readInput({ id: 'm', body: { a: 2 }, headers: {} })).to.deep.equal({ metadata: {}, data: { a: 2 } });
    });

    it('unwraps a whole OIH message put into the body; the outer metadata wins', () => {
      const msg = { metadata: { oihUid: 'outer' }, body: { metadata: { recordUid: 'r', oihUid: 'inner' }, data: { a: 3 } } };
      expect(readInput(msg)).to.deep.equal({ metadata: { recordUid: 'r', oihUid: 'outer' }, data: { a: 3 } });
    });

    it('copes with nothing useful and never shares the metadata object', () => {
      expect(readInput(undefined)).to.deep.equal({ metadata: {}, data: {} });
      expect(readInput({ data: [1, 2], metadata: [] })).to.deep.equal({ metadata: {}, data: {} });
      const metadata = { recordUid: 'x' };
      expect(readInput({ metadata, data: {} }).metadata).not.to.equal(metadata);
    });
  });

  describe('toRuntimeMessage', () => {
    const message: OihMessage = { metadata: { recordUid: '1', applicationUid: 'app' }, data: { a: 1 } };

    it('is {metadata, data} for ferryman, with a fresh metadata object', () => {
      const out = toRuntimeMessage(message, 'oih') as OihMessage;
      expect(out).to.deep.equal(message);
      expect(out.metadata).not.to.equal(message.metadata);
    });

    it('is an elastic.io message with the record in body for sailor', () => {
      const out = toRuntimeMessage(message, 'elasticio') as ElasticioMessage;
      expect(out).to.deep.include({ body: { a: 1 }, metadata: message.metadata, headers: {}, attachments: {} });
      expect(out.id).to.match(/^[0-9a-f-]{36}$/);
      expect(out.metadata).not.to.equal(message.metadata);
      expect((toRuntimeMessage(message, 'elasticio') as ElasticioMessage).id).not.to.equal(out.id);
    });

    it("has exactly the shape of elasticio-node's messages.newMessageWithBody (not a dependency: see README)", () => {
      // elasticio-node is a dev dependency only: at run time it would bring request@2, moment and q.
      const { messages } = require('elasticio-node') as { messages: { newMessageWithBody(body: unknown): Record<string, unknown> } };
      const theirs = messages.newMessageWithBody({ a: 1 });
      const ours = toRuntimeMessage({ metadata: {}, data: { a: 1 } }, 'elasticio') as unknown as Record<string, unknown>;
      expect(Object.keys(ours).sort()).to.deep.equal(Object.keys(theirs).sort());
      expect({ ...ours, id: 'x' }).to.deep.equal({ ...theirs, id: 'x' });
      expect(ours.id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    });
  });

  it('detectFormat: OIH_MESSAGE_FORMAT overrides, then ferryman, then sailor, default OIH', () => {
    expect(detectFormat({ OIH_MESSAGE_FORMAT: 'elasticio', ELASTICIO_BACKCHANNEL_EXCHANGE: 'x' })).to.equal('elasticio');
    expect(detectFormat({ ELASTICIO_BACKCHANNEL_EXCHANGE: 'x', ELASTICIO_PUBLISH_MESSAGES_TO: 'y' })).to.equal('oih');
    expect(detectFormat({ ELASTICIO_PUBLISH_MESSAGES_TO: 'y' })).to.equal('elasticio');
    expect(detectFormat({ OIH_MESSAGE_FORMAT: 'other' })).to.equal('oih');
  });

  it('tombstones carry only the ids and the deletion time', () => {
    const t = tombstone('r-1', 'app', '2024-01-01T00:00:00.000Z');
    expect(t).to.deep.equal({ metadata: { recordUid: 'r-1', applicationUid: 'app' }, data: { deleteRequested: '2024-01-01T00:00:00.000Z' } });
    expect(isTombstone(t)).to.equal(true);
    expect(isTombstone(oihMessage({ deleteRequested: 'x', name: 'y' }, {}))).to.equal(false);
    expect(isTombstone(oihMessage(null, {}))).to.equal(false);
  });

  it('oihMessage copies the metadata so later changes cannot reach an emitted message', () => {
    const metadata = { applicationUid: 'app' };
    const m = oihMessage({}, metadata);
    metadata.applicationUid = 'changed';
    expect(m.metadata.applicationUid).to.equal('app');
  });

  describe('Emitter', () => {
    it('awaits every emit, converts to the runtime shape, removes secret values (never by field name) and counts', async () => {
      const self = new RecordingSelf();
      const emitter = new Emitter(self, 'oih', new Redactor().add('s3cret-value'));
      metrics.reset();
      await emitter.data({ metadata: { recordUid: '1' }, data: { note: 'pw s3cret-value', password: 'x', nested: { apiKey: 'k' } } });
      await emitter.data(tombstone('2', 'app', '2024-01-01T00:00:00.000Z'));
      await emitter.snapshot({ lastUpdated: '2024-01-01T00:00:00.000Z', token: 'abc' });
      await emitter.rebound(new Error('wait for s3cret-value'));
      await emitter.error(new Error('failed s3cret-value'));
      await emitter.updateKeys({ access_token: 'new' });
      // Only secret values are masked: business fields that merely have a secret-sounding name stay as they are.
      expect(self.data[0]).to.deep.equal({ metadata: { recordUid: '1' }, data: { note: 'pw ***', password: 'x', nested: { apiKey: 'k' } } });
      expect(self.snapshots[0]).to.deep.equal({ lastUpdated: '2024-01-01T00:00:00.000Z', token: 'abc' });
      expect(self.rebounds[0].message).to.equal('wait for ***');
      expect((self.of('error')[0] as Error).message).to.equal('failed ***');
      expect(self.of('updateKeys')).to.deep.equal([{ access_token: 'new' }]);
      expect(metrics.toJSON()).to.include({ messages: 1, tombstones: 1, snapshots: 1, errors: 1 });
      expect(emitter.format).to.equal('oih');
    });
  });
});
