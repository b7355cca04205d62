import { expect } from 'chai';
import { ConfigurationError, ConnectorError } from '../src/errors';
import { Transformer, toPlainJson } from '../src/transform/transformer';
import { compileExpression } from '../src/transform/compile';
import type { OihMessage } from '../src/messages/message';
import { rejection } from './helpers/promises';

const message = (): OihMessage<Record<string, unknown>> => ({
  metadata: { recordUid: 'r-7', applicationUid: 'app' },
  data: { first: 'Ann', n: 3 },
});

const TAIL_LOOP = '($f := function($n){ $f($n + 1) }; $f(0))';
const DEEP_RECURSION = '($f := function($n){ $n = 0 ? 0 : 1 + $f($n - 1) }; $f(100000000))';

describe('customMapping limits', function () {
  this.timeout(10_000);

  it('stops a tight tail-call loop at the time limit with a configuration error naming customMapping and the record', async () => {
    const error = await rejection<ConnectorError>(
      new Transformer(undefined, { customMapping: TAIL_LOOP, customMappingTimeoutMs: 50 }).apply(message()),
    );
    expect(error).to.be.instanceOf(ConfigurationError);
    expect(error.field).to.equal('customMapping');
    expect(error.recordId).to.equal('r-7');
    expect(error.message).to.match(/^customMapping: ran longer than 50 ms for record r-7 .*customMappingTimeoutMs/);
  });

  it('stops a deep recursion at the depth limit (default 500) before it grows', async () => {
    const error = await rejection<ConnectorError>(new Transformer(undefined, { customMapping: DEEP_RECURSION }).apply(message()));
    expect(error).to.be.instanceOf(ConfigurationError);
    expect(error.message).to.match(/^customMapping: nested deeper than 500 evaluation steps for record r-7 .*customMappingMaxDepth/);
    expect(error.recordId).to.equal('r-7');
  });

  it('the depth limit is a step field; a shallow recursion passes under it and fails under a lower one', async () => {
    const recursion = '($f := function($n){ $n = 0 ? 0 : 1 + $f($n - 1) }; { "sum": $f(data.n) })';
    expect((await new Transformer(undefined, { customMapping: recursion }).apply(message())).data).to.deep.equal({ sum: 3 });
    const low = await rejection<ConnectorError>(
      new Transformer(undefined, { customMapping: recursion, customMappingMaxDepth: '10' }).apply(message()),
    );
    expect(low.message).to.include('nested deeper than 10 evaluation steps');
  });

  it('the limits do not reach the built-in mappings, whose cached compilation stays unguarded', async () => {
    const nested = '{ "a": { "b": { "c": { "d": first } } } }';
    const guarded = compileExpression(nested, 'customMapping', { timeout: 1000, stack: 500 });
    expect(compileExpression(nested, 'built-in mapping')).not.to.equal(guarded);
    const out = await new Transformer(DEEP_RECURSION.replace('100000000', '600'), {}).apply(message());
    expect(out.data).to.equal(600);
  });

  it('refuses limit values out of range, naming the field', () => {
    for (const [field, value] of [
      ['customMappingTimeoutMs', 0],
      ['customMappingTimeoutMs', 'soon'],
      ['customMappingMaxDepth', 5],
      ['customMappingMaxDepth', 1e6],
    ] as const) {
      expect(() => new Transformer(undefined, { customMapping: 'data', [field]: value }), `${field}=${value}`).to.throw(
        ConfigurationError,
        new RegExp(`^${field}: `),
      );
    }
  });
});

describe('customMapping result shape', () => {
  const cases: [string, string, RegExp][] = [
    ['a number', '42', /returned a number \(42\)/],
    ['a string', '"text"', /returned a text \("text"\)/],
    ['an array', '[1, 2]', /returned a list/],
    ['a function', 'function($x){ $x }', /returned a function/],
    ['null', 'null', /returned null/],
    ['false', 'false', /returned a boolean \(false\)/],
    ['nothing', 'data.missing', /returned nothing/],
    ['data that is not an object', '{ "data": data.first }', /returned "data" as a text/],
    ['metadata that is not an object', '{ "metadata": "m", "data": {} }', /returned "metadata" as a text/],
  ];
  for (const [what, expression, pattern] of cases) {
    it(`refuses ${what} as a configuration error naming customMapping and the record`, async () => {
      const error = await rejection<ConnectorError>(new Transformer(undefined, { customMapping: expression }).apply(message()));
      expect(error).to.be.instanceOf(ConfigurationError);
      expect(error.message).to.match(/^customMapping: /);
      expect(error.message).to.match(pattern);
      expect(error.message).to.include('for record r-7');
      expect(error.recordId).to.equal('r-7');
    });
  }

  it('accepts the three shapes: the data itself, {data} and {metadata, data}', async () => {
    const apply = (expression: string) => new Transformer(undefined, { customMapping: expression }).apply(message());
    expect(await apply('{ "who": data.first }')).to.deep.equal({ metadata: message().metadata, data: { who: 'Ann' } });
    expect(await apply('{ "data": { "who": data.first } }')).to.deep.equal({ metadata: message().metadata, data: { who: 'Ann' } });
    expect(await apply('{ "metadata": { "oihUid": "o-1" }, "data": {} }')).to.deep.equal({
      metadata: { ...message().metadata, oihUid: 'o-1' },
      data: {},
    });
  });

  it('drops functions nested in the result, as JSON would, instead of overflowing the stack', async () => {
    const out = await new Transformer(undefined, { customMapping: '{ "keep": 1, "f": function($x){ $x }, "g": $sum }' }).apply(message());
    expect(out.data).to.deep.equal({ keep: 1 });
    const lambda: unknown = await compileExpression('function($x){ $x }', 'spec').evaluate({});
    expect(toPlainJson({ a: [lambda] })).to.deep.equal({ a: [null] });
  });
});
