import { expect } from 'chai';
import sinon from 'sinon';
import { ConnectorError } from '../src/errors';
import { compileExpression } from '../src/transform/compile';
import { Transformer } from '../src/transform/transformer';
import { rejection } from './helpers/promises';

const message = (data: unknown) => ({ metadata: { recordUid: 'r-7', applicationUid: 'app' }, data: data as Record<string, unknown> });

/** Issue 14 item 4: built-in mappings run compiled, with the same bindings and the same errors. */
describe('Transformer: built-in mappings run compiled', () => {
  afterEach(() => sinon.restore());

  it('evaluates a built-in mapping without jsonata, with $metadata and the component’s bindings', async () => {
    const expression = '{ "id": $metadata.recordUid, "at": $iso(when), "name": $trim(name) }';
    const transformer = new Transformer(expression, {}, 'test mapping', { iso: (t: string) => `${t}Z` });
    expect(transformer.builtInFallbackReason).to.equal(undefined);
    const interpreted = sinon.spy(compileExpression(expression, 'test mapping'), 'evaluate');
    const out = await transformer.apply(message({ when: '2026-01-01T00:00:00', name: '  Ann  ' }));
    expect(out.data).to.deep.equal({ id: 'r-7', at: '2026-01-01T00:00:00Z', name: 'Ann' });
    expect(interpreted.called).to.equal(false);
  });

  it('hands a record the compiled form cannot reproduce exactly to jsonata (a binding that returns a promise)', async () => {
    const expression = '{ "at": $iso(when) }';
    const transformer = new Transformer(expression, {}, 'async mapping', { iso: (t: string) => Promise.resolve(`${t}Z`) });
    const interpreted = sinon.spy(compileExpression(expression, 'async mapping'), 'evaluate');
    expect((await transformer.apply(message({ when: 'x' }))).data).to.deep.equal({ at: 'xZ' });
    expect(interpreted.calledOnce).to.equal(true);
  });

  it('keeps jsonata for a mapping that uses what the compiler does not implement, and says why', async () => {
    const transformer = new Transformer('{ "name": $uppercase(name) }', {});
    expect(transformer.builtInFallbackReason).to.equal('the built-in function $uppercase');
    expect((await transformer.apply(message({ name: 'ann' }))).data).to.deep.equal({ name: 'ANN' });
  });

  it('an error names the mapping and the record, with jsonata’s message', async () => {
    const transformer = new Transformer('{ "n": count + 1 }', {});
    const error = await rejection(transformer.apply(message({ count: 'three' })));
    expect(error).to.be.instanceOf(ConnectorError);
    expect(error.message).to.equal('built-in mapping failed for record r-7: The left side of the "+" operator must evaluate to a number');
    const nothing = await rejection(new Transformer('missing', {}).apply(message({})));
    expect(nothing.message).to.equal('built-in mapping produced nothing for record r-7; the expression must return an object');
  });

  it('applyNow gives what apply gives, without a promise, where the compiled form runs; else undefined (call apply)', async () => {
    const compiled = new Transformer('{ "name": $trim(name), "tags": [tags] }', {});
    const input = message({ name: ' Ann ', tags: ['a', 'b'] });
    const now = compiled.applyNow(input);
    expect(now).to.deep.equal(await compiled.apply(input));
    expect(JSON.stringify(now)).to.equal(JSON.stringify(await compiled.apply(input)));
    expect(
      new Transformer('{ "at": $iso(when) }', {}, 'async', { iso: (t: string) => Promise.resolve(t) }).applyNow(message({ when: 'x' })),
    ).to.equal(undefined);
    expect(new Transformer('{ "name": $uppercase(name) }', {}).applyNow(input)).to.equal(undefined);
    expect(new Transformer('{ "a": 1 }', { customMapping: '{ "b": 2 }' }).applyNow(input)).to.equal(undefined);
    expect(new Transformer('{ "a": 1 }', { skipTransformation: true }).applyNow(input)).to.equal(input);
    expect(new Transformer(undefined, {}).applyNow(input)).to.equal(input);
    expect(() => new Transformer('{ "n": count + 1 }', {}).applyNow(message({ count: 'three' }))).to.throw(
      ConnectorError,
      'built-in mapping failed for record r-7: The left side of the "+" operator must evaluate to a number',
    );
    expect(() => new Transformer('missing', {}).applyNow(message({}))).to.throw(ConnectorError, 'built-in mapping produced nothing for record r-7');
  });
});
