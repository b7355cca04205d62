import { expect } from 'chai';
import { ConfigurationError, ConnectorError } from '../src/errors';
import { clearExpressionCache, compileExpression, compileUncached } from '../src/transform/compile';
import { Transformer, toPlainJson } from '../src/transform/transformer';
import type { OihMessage } from '../src/messages/message';
import { rejection } from './helpers/promises';

const message = (): OihMessage<Record<string, unknown>> => ({
  metadata: { recordUid: 'r-1', applicationUid: 'app' },
  data: { first: 'Ann', last: 'Lee', tags: ['a', 'b'] },
});

describe('Transformer', () => {
  it('an invalid customMapping fails at construction, naming the field, position and token', () => {
    let error: unknown;
    try {
      new Transformer('data', { customMapping: '{ "a": }' });
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(ConfigurationError);
    const e = error as ConfigurationError;
    expect(e.field).to.equal('customMapping');
    expect(e.message).to.match(/^customMapping: invalid JSONata expression at position 8 near "}"/);
    expect(e.message).to.include('(S0211)');
  });

  it('an invalid built-in mapping names the mapping', () => {
    expect(() => new Transformer('data.(', {}, 'receiverToPerson')).to.throw(
      ConfigurationError,
      /^receiverToPerson: invalid JSONata expression at position 6/,
    );
  });

  it('applies the built-in mapping to the data, with $metadata bound', async () => {
    const t = new Transformer('{ "name": first & " " & last, "uid": $metadata.recordUid }', {});
    expect(t.mode).to.equal('built-in');
    expect(await t.apply(message())).to.deep.equal({ metadata: { recordUid: 'r-1', applicationUid: 'app' }, data: { name: 'Ann Lee', uid: 'r-1' } });
  });

  it('a custom mapping replaces the built-in one and sees the whole {metadata, data}', async () => {
    const t = new Transformer('{ "builtIn": true }', {
      customMapping: ' { "who": data.first, "from": metadata.applicationUid, "tags": data.tags } ',
    });
    expect(t.mode).to.equal('custom');
    const out = await t.apply(message());
    expect(out).to.deep.equal({ metadata: { recordUid: 'r-1', applicationUid: 'app' }, data: { who: 'Ann', from: 'app', tags: ['a', 'b'] } });
  });

  it('a custom mapping may return a whole message; its metadata is merged', async () => {
    const t = new Transformer(undefined, { customMapping: '{ "metadata": { "oihUid": "o-9" }, "data": { "x": data.first } }' });
    expect(await t.apply(message())).to.deep.equal({ metadata: { recordUid: 'r-1', applicationUid: 'app', oihUid: 'o-9' }, data: { x: 'Ann' } });
    const dataOnly = new Transformer(undefined, { customMapping: '{ "data": { "last": data.last } }' });
    expect(await dataOnly.apply(message())).to.deep.equal({ metadata: message().metadata, data: { last: 'Lee' } });
  });

  it('a record that merely has a data field is data, not a message', async () => {
    const t = new Transformer(undefined, { customMapping: '{ "data": data.first, "other": 1 }' });
    expect((await t.apply(message())).data).to.deep.equal({ data: 'Ann', other: 1 });
  });

  it('skipTransformation passes the record through and ignores the mappings (even a broken one)', async () => {
    for (const skip of [true, 'true']) {
      const t = new Transformer('{ "x": 1 }', { skipTransformation: skip as boolean, customMapping: '{ "a": }' });
      expect(t.mode).to.equal('skip');
      expect(await t.apply(message())).to.deep.equal(message());
    }
    expect(new Transformer(undefined, {}).mode).to.equal('none');
    expect(await new Transformer(undefined, { customMapping: '   ' }).apply(message())).to.deep.equal(message());
  });

  it('evaluation errors and empty results name the record', async () => {
    const failing = new Transformer('$error("nope")', {});
    const error = await rejection<ConnectorError>(failing.apply(message()));
    expect(error.message).to.equal('built-in mapping failed for record r-1: nope');
    expect(error.recordId).to.equal('r-1');
    const custom = await rejection<ConnectorError>(new Transformer(undefined, { customMapping: '$error("bad")' }).apply(message()));
    expect(custom.field).to.equal('customMapping');
    const empty = await rejection<ConnectorError>(new Transformer('missing', {}).apply(message()));
    expect(empty.message).to.include('produced nothing for record r-1');
  });

  it('returns plain JSON (no JSONata sequence markers)', async () => {
    const out = await new Transformer('tags', {}).apply(message());
    expect(Object.keys(out.data as object)).to.deep.equal(['0', '1']);
    expect(JSON.stringify(out.data)).to.equal('["a","b"]');
  });

  it('compiles each expression once per process', () => {
    clearExpressionCache();
    const a = compileExpression('data.first', 'm');
    expect(compileExpression('data.first', 'other field')).to.equal(a);
    expect(compileUncached('data.first')).not.to.equal(a);
    clearExpressionCache();
    expect(compileExpression('data.first', 'm')).not.to.equal(a);
  });

  it('toPlainJson gives what a JSON round trip gives, JSONata sequences and all', async () => {
    const sequence = Object.assign([1, undefined, () => 2, Number.NaN, 'x'], { sequence: true, keepSingleton: true });
    const value = {
      a: sequence,
      b: undefined,
      c: () => 1,
      d: { e: [null, { f: Infinity, g: -0, h: true }], date: new Date(0) },
      'key with space': 'v',
    };
    expect(toPlainJson(value)).to.deep.equal(JSON.parse(JSON.stringify(value)));
    const fromJsonata: unknown = await compileExpression('{ "list": [1, 2].($ * 2), "none": nothing, "one": [3] }', 'spec').evaluate({});
    expect(toPlainJson(fromJsonata)).to.deep.equal({ list: [2, 4], one: [3] });
    expect(() => toPlainJson({ n: BigInt(1) })).to.throw(TypeError);
  });
});
