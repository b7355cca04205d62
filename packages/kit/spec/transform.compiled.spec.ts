import { expect } from 'chai';
import { expectAgreement } from '../src/testing/compiledEquivalence';
import { compileMapping, EvaluationFailure, NeedsInterpreter, UnsupportedExpression } from '../src/transform/compiled';

/** Issue 14: the compiled evaluator against jsonata itself, one semantic rule per row. */
const INPUT = {
  s: 'text',
  blank: '  a \n b  ',
  n: 3,
  f: 0.1,
  z: 0,
  t: true,
  nul: null,
  list: [1, 2, 3],
  one: ['x'],
  empty: [],
  nested: [[1, 2], [3]],
  objs: [
    { k: 'a', v: 1, tags: ['p', 'q'] },
    { k: 'b', v: 2, tags: 'r' },
    { k: 'a', v: 3 },
  ],
  obj: { a: { b: { c: 'deep' } }, x: null },
  date: 1700000000123,
  addr: 'Hauptstr. 12a',
};

const EXPRESSIONS = [
  // paths: flattening, singleton unwrapping, a single array kept, missing fields
  's',
  'missing',
  'missing.deeper',
  'objs.k',
  'objs.tags',
  'objs[0].k',
  'objs[-1].v',
  'objs[k = "a"].v',
  'objs[v > 1]',
  'one',
  'one[0]',
  'empty',
  'nested',
  'nested[0]',
  'list[[0, 2]]',
  'list[$ > 1]',
  'obj.a.b.c',
  'obj.x',
  'objs.{ "k": k }',
  'objs.(v * 2)',
  '$.s',
  'objs#$i.{ "i": $i, "k": k }',
  'list#$i.($i * $)',
  '($o := obj; $o.a.b)',
  '($l := objs; $l.k)',
  '($x := s; $x.y)',
  '($f := function() { 1 }; $f.a)',
  'obj.a.b.c.d',
  's.length',
  'nul.a',
  'objs[v > 5].k',
  '(objs.v)[1]',
  'objs.tags[0]',
  // constructors
  '[s, missing, list]',
  '[[list], one]',
  '[objs.v]',
  '{ "a": missing, "b": s }',
  '{ "a": list }',
  'objs.{ k: v }',
  '{ k: v }',
  '[]',
  '{}',
  '[1, 2][$ > 1]',
  '{ "a": objs.k }',
  '[one]',
  '[s][0]',
  // operators: equality (deep), comparisons, arithmetic, concatenation, in, and/or, negation, ranges
  's = "text"',
  'list = [1, 2, 3]',
  'obj = obj',
  'missing = missing',
  'missing != 1',
  'nul = null',
  'objs[0] = { "k": "a", "v": 1, "tags": ["p", "q"] }',
  'n > 2',
  's >= "!"',
  '"" < "a"',
  'n & s',
  'f + 0.2 & ""',
  '1/3 & ""',
  'obj & ""',
  'list & "-"',
  'nul & s',
  't & 1',
  'n * 2 + 1',
  'n % 2',
  '-n',
  '-missing',
  's in ["text", "x"]',
  'n in list',
  'list in list',
  'missing in list',
  's and n',
  'empty or z',
  'list and one',
  'objs and missing',
  '[0, ""] or 0',
  'z or nul',
  '[1..n]',
  'list[[1..2]]',
  '[n..1]',
  // conditions, blocks, bindings, lambdas
  's ? 1 : 2',
  'missing ? 1',
  'empty ? 1 : 2',
  '($x := n; $x * 2)',
  '($x := n; ($x := 1); $x)',
  '($f := function($v) { $v & "!" }; $f(s))',
  '($f := function($v) { $v ? $g($v) : 0 }; $g := function($w) { $w + 1 }; $f(n))',
  '($x := missing; $x)',
  '($s := "shadow"; $string(n))',
  // functions
  '$string(f + 0.2)',
  '$string(1e21)',
  '$string(obj)',
  '$string(list)',
  '$string(missing)',
  '$string()',
  '$exists(missing)',
  '$exists(nul)',
  '$type(nul)',
  '$type(list)',
  '$type(obj)',
  '$type($string)',
  '$trim(blank)',
  '$trim(s)',
  '$count(list)',
  '$count(missing)',
  '$count(s)',
  '$round(2.5)',
  '$round(3.5)',
  '$round(-2.5)',
  '$round(1.005, 2)',
  '$round(f * 3, 1)',
  '$average(list)',
  '$average([])',
  '$lookup(obj, "a")',
  '$lookup(objs, "k")',
  '$contains(s, "ex")',
  '$contains(addr, /\\d+/)',
  '$replace(addr, /[^0-9]/, "")',
  '$replace(s, "t", "T")',
  '$replace(addr, /(\\d+)(\\w)/, "$2$1")',
  '$number("12")',
  '$number(n)',
  '$number(t)',
  '$boolean(empty)',
  '$boolean(objs)',
  '$not(s)',
  '$not(missing)',
  '$split(s, "x")',
  '$join(["a", "b"], "-")',
  '$join(one)',
  '$merge([obj, { "y": 1 }])',
  '$merge(objs)',
  '$substring(s, 1, 2)',
  '$substring(s, -2)',
  '$substringBefore(addr, " ")',
  '$substringAfter(addr, " ")',
  '$match(addr, /(\\w+)\\.?\\s+(\\d+)([a-z])?/)',
  '$match(addr, /\\d/)',
  '$match(addr, /x/)',
  '$fromMillis(date)',
  '$fromMillis(missing)',
  's.$trim()',
  'objs.$string(v)',
  // errors: each must fail in both, with the same code
  's + 1',
  'n > s',
  'obj > 1',
  '-s',
  '$trim(n)',
  '$number("x")',
  '$join([1, 2])',
  '$merge([1])',
  '$nothing(1)',
  '$substring(n, 1)',
  '{ s: 1 }',
  '{ "a": 1, "a": 2 }',
  'list[0] + s',
  '$round(s)',
  '$average(["a"])',
  '$replace(s, "", "x")',
  '$count(1, 2)',
  '[1..f]',
];

describe('compiled JSONata evaluator against jsonata (issue 14)', () => {
  for (const expression of EXPRESSIONS)
    it(`agrees on ${expression}`, () => expectAgreement(expression, [{ data: INPUT }, { data: {} }, { data: [INPUT] }]));

  it('errors carry JSONata code and message, naming the operator or function', () => {
    const fail = (expression: string): EvaluationFailure => {
      try {
        compileMapping(expression).evaluate(INPUT);
      } catch (error) {
        return error as EvaluationFailure;
      }
      throw new Error(`${expression} did not fail`);
    };
    expect(fail('s + 1')).to.include({ code: 'T2001', message: 'The left side of the "+" operator must evaluate to a number' });
    expect(fail('n > s')).to.include({ code: 'T2009', message: 'The values 3 and "text" either side of operator ">" must be of the same data type' });
    expect(fail('$trim(n)')).to.include({ code: 'T0410', message: 'Argument 1 of function "trim" does not match function signature' });
  });

  it('refuses what it does not implement, naming it, so the caller keeps jsonata', () => {
    for (const [expression, reason] of [
      ['$uppercase(s)', 'the built-in function $uppercase'],
      ['objs^(v)', 'node type "sort"'],
      ['**.c', 'node type "descendant"'],
      ['s ~> $trim', 'node type "apply"'],
      ['objs.*', 'node type "wildcard"'],
      ['objs[]', '"keepSingletonArray" on a path node'],
      ['n(1)', 'a path in function position'],
    ]) {
      expect(() => compileMapping(expression), expression).to.throw(UnsupportedExpression, reason);
    }
  });

  it('native functions passed as bindings are called with their arguments; a promise hands the record to jsonata', () => {
    const compiled = compileMapping('$iso(s) & "|" & $exists($iso)');
    expect(compiled.evaluate(INPUT, { iso: (t: string) => t.toUpperCase() })).to.equal('TEXT|true');
    expect(() => compiled.evaluate(INPUT, { iso: () => Promise.resolve('x') })).to.throw(NeedsInterpreter);
    expect(compileMapping('$exists($iso) ? 1 : 2').evaluate(INPUT)).to.equal(2);
  });

  it('hands dates outside years 0–9999 and pictures to jsonata', () => {
    expect(() => compileMapping('$fromMillis(n)').evaluate({ n: 1e15 })).to.throw(NeedsInterpreter);
    expect(() => compileMapping('$fromMillis(n, "[Y]")').evaluate({ n: 0 })).to.throw(NeedsInterpreter);
  });
});
