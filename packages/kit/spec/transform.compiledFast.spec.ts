import { isDeepStrictEqual } from 'node:util';
import { expect } from 'chai';
import jsonata from 'jsonata';
import { expectAgreement } from '../src/testing/compiledEquivalence';
import { compileMapping } from '../src/transform/compiled';
import type { AstNode } from '../src/transform/compiled/ast';
import { plainResult, trackBuilt } from '../src/transform/compiled/built';
import { compileNode } from '../src/transform/compiled/compiler';
import { compileTextTest } from '../src/transform/compiled/textTests';
import { toPlainJson } from '../src/transform/plainJson';

/** Issue 14: the compiled evaluator's fast paths, each against jsonata, with the cases they must hand back to the general rules. */
const INPUT = {
  s: 'text',
  n: 3,
  z: 0,
  one: ['x'],
  empty: [],
  list: [1, 2, 3],
  nested: [[1, 2], [3]],
  objs: [
    { k: 'a', v: 1, tags: ['p', 'q'] },
    { k: 'b', v: 2, tags: 'r' },
  ],
  obj: { a: { b: { c: 'deep' } }, arr: [1, 2], none: [], single: ['y'], deeper: [{ c: 1 }, { c: 2 }] },
  fn: { _jsonata_lambda: true },
};

const EXPRESSIONS = [
  // field walks: arrays at the end kept as they are, arrays on the way and sequences handed to the general rules
  'obj.arr',
  'obj.none',
  'obj.single',
  'obj.deeper.c',
  'obj.a.b.c & obj.a.b.c',
  'objs.{ "k": k, "again": k & k }',
  'objs.(k & obj.a.b.c)',
  '{ "a": objs.k }.(a)',
  '($o := { "a": objs.k }; $o.a)',
  '($o := { "a": one }; $o.a)',
  '($v := obj; $v.arr)',
  '($v := objs; $v.k)',
  'fn.x',
  '$.obj.a.b.c',
  '[obj.a, obj.a.b][1]',
  // text tests as the built-in mappings write them: text, nothing, numbers, lists, objects
  's = s & ""',
  'missing = missing & ""',
  'n = n & ""',
  'one = one & ""',
  'obj = obj & ""',
  's >= "!" and s != ""',
  'n >= "!"',
  'one >= "!"',
  'obj > "a"',
  'missing >= "!"',
  'missing != ""',
  's < "u" and s <= "text" and s > "a" and s = "text"',
  'obj.a.b.c != "" ? obj.a.b.c',
  'objs.tags[$ = $ & ""]',
  'list[$ = $ & ""]',
  '$ = $ & ""',
  'fn = fn & ""',
  '($f := function() { 1 }; $f = $f & "")',
  '($x := 1; $x = $x & "")',
  '($x := "t"; $x = $x & "" and $x >= "!")',
  's = n & ""',
  's = s & "x"',
  'z = z & ""',
  // constructors: flattening one level, a nested constructor kept, nothing left out, keys that are not plain
  '[objs.k, one, empty, [list], nested, missing]',
  '[s, [one], objs.tags]',
  '{ "__proto__": 1, "a": 2 }',
  '{ "a": missing, "b": [missing], "c": {} }',
  'objs.{ k: v }',
  '{ "f": function($x) { $x }, "g": $string }',
  '{ "z": -z, "l": list, "o": obj.a }',
  '($o := { "a": 1 }; { "x": $o, "y": $o, "l": [$o] })',
  // conditions and variables settling their value
  's ? objs.k',
  '(s ? objs.k)[0]',
  '[s ? one]',
  'missing ? 1',
  '($x := objs.k; $x)',
  '($x := objs.k; $x[1])',
  '($x := 1; $x := 2; $x)',
  '($x := 1; ($x := missing; $x))',
  '($x := 1; ($y := 2); $x + $exists($y))',
];

describe('compiled JSONata evaluator: fast paths against jsonata (issue 14)', () => {
  const inputs = [{ data: INPUT }, { data: {} }, { data: [INPUT] }, { data: 'text' }];
  for (const expression of EXPRESSIONS) it(`agrees on ${expression}`, () => expectAgreement(expression, inputs));

  it('looks names up as jsonata does: $ is the input, then the bindings, then the built-ins; := binds over them', async () => {
    for (const expression of ['$b & $string(n)', '$exists($trim)', '$.s', '($b := 2; $b)', '$b := 3', '$exists($nothing)'])
      await expectAgreement(expression, [{ data: INPUT }, { data: [INPUT] }], { trim: undefined, b: 1, $: 'x' });
  });

  it('takes the text-test fast path only for one field or variable tested against itself or a text literal', () => {
    const fast = (expression: string): boolean => {
      const ast = jsonata(expression).ast() as AstNode;
      return compileTextTest(ast, compileNode, () => undefined) !== undefined;
    };
    for (const expression of ['s = s & ""', 'a.b = a.b & ""', '$ = $ & ""', '$x = $x & ""', 's >= "!"', 'a.b != ""', '$v.x < "a"'])
      expect(fast(expression), expression).to.equal(true);
    for (const expression of ['s = n & ""', 's = s & "x"', 's = s & 1', 'a[0] = a[0] & ""', 'f() >= "!"', 's >= 1', 's in "a"', '(s) = "a"'])
      expect(fast(expression), expression).to.equal(false);
  });

  it('emits a result built plain by its constructors as it is, identical to the copy', () => {
    const compiled = compileMapping('{ "a": s, "b": [n, { "c": true, "d": null }], "e": [objs.k] }');
    const built: object[] = [];
    const outer = trackBuilt(built);
    const result = compiled.evaluate(INPUT);
    trackBuilt(outer);
    expect(plainResult(result, built)).to.equal(result);
    const json = compiled.evaluateJson(INPUT)?.json;
    expect(isDeepStrictEqual(json, toPlainJson(result))).to.equal(true);
    expect(JSON.stringify(json)).to.equal(JSON.stringify(toPlainJson(result)));
  });

  it('copies what it did not build plain: input objects, sequences, -0, non-finite numbers, functions, a container used twice', () => {
    const copied = (expression: string, bindings: Record<string, unknown> = {}): unknown => {
      const compiled = compileMapping(expression);
      const built: object[] = [];
      const outer = trackBuilt(built);
      const result = compiled.evaluate(INPUT, bindings);
      trackBuilt(outer);
      const json = plainResult(result, built);
      expect(json, expression).to.not.equal(result);
      expect(isDeepStrictEqual(json, compiled.evaluateJson(INPUT, bindings)?.json), expression).to.equal(true);
      expect(JSON.stringify(json), expression).to.equal(JSON.stringify(toPlainJson(result)));
      return json;
    };
    const withInput = copied('{ "o": obj.a }') as { o: unknown };
    expect(withInput.o).to.not.equal(INPUT.obj.a);
    expect(withInput.o).to.deep.equal(INPUT.obj.a);
    expect(Object.keys(copied('objs.k') as object)).to.deep.equal(['0', '1']);
    expect(Object.is((copied('{ "z": -z }') as { z: number }).z, 0)).to.equal(true);
    expect(copied('{ "i": $inf, "n": 1 }', { inf: Infinity })).to.deep.equal({ i: null, n: 1 });
    expect(copied('{ "f": $string, "n": 1 }')).to.deep.equal({ n: 1 });
    const twice = copied('($o := { "a": 1 }; { "x": $o, "y": $o })') as { x: unknown; y: unknown };
    expect(twice.x).to.not.equal(twice.y);
    for (const grouped of copied('objs.{ k: v }') as object[]) expect(Object.getPrototypeOf(grouped)).to.equal(Object.prototype);
  });

  it('reads fields afresh in every evaluation and after a native function, which may change the input', () => {
    const record = { s: 'one' };
    const compiled = compileMapping('[s, s]');
    expect(compiled.evaluate(record)).to.deep.equal(['one', 'one']);
    record.s = 'two';
    expect(compiled.evaluate(record)).to.deep.equal(['two', 'two']);
    // jsonata starts reading an array's items before it awaits a call among them; the compiled form reads in order, and afresh after the call.
    const changing = { s: 'before' };
    const mutate = function (this: { s: string }): string {
      this.s = 'after';
      return 'called';
    };
    expect(compileMapping('[s, $mutate(), s]').evaluate(changing, { mutate })).to.deep.equal(['before', 'called', 'after']);
  });
});
