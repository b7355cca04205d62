import { expect } from 'chai';
import { ConfigurationError, InvalidItemsError } from '../src/errors';
import {
  checkEveryItem,
  readDeleteRequested,
  readRecordUid,
  strictBoolean,
  strictChoice,
  strictInteger,
  strictNumber,
  strictText,
  strictTime,
} from '../src/input';
import { readInteger, readRetryOverrides } from '../src/component/settings';

const fails = (fn: () => unknown, message: RegExp) => expect(fn).to.throw(ConfigurationError, message);

describe('strict input readers', () => {
  it('numbers: decimal notation within the safe range; absent is undefined', () => {
    expect(strictNumber(' 12.5 ', 'n')).to.equal(12.5);
    expect(strictNumber('-3', 'n')).to.equal(-3);
    expect(strictNumber(7, 'n')).to.equal(7);
    for (const absent of [undefined, null, '']) expect(strictNumber(absent, 'n')).to.equal(undefined);
    for (const bad of ['0x10', '1e3', '.5', '5.', ' ', 'Infinity', 'NaN', '1,5', [5], ['5'], {}, true, NaN, Infinity])
      fails(() => strictNumber(bad, 'n'), /^n: must be a number in decimal notation/);
    fails(() => strictNumber(1e21, 'n'), /n: must be a number in decimal notation between -9007199254740991 and 9007199254740991, got 1e\+21/);
    fails(() => strictNumber('100000000000000000000000', 'n'), /between/);
    fails(() => strictNumber('0', 'n', { min: 1 }), /n: must be at least 1, got "0"/);
  });

  it('integers: whole numbers only; "5.0", fractions and unsafe integers are errors', () => {
    expect(strictInteger('42', 'qty')).to.equal(42);
    expect(strictInteger(9007199254740991, 'qty')).to.equal(9007199254740991);
    for (const bad of ['5.0', 1.5, '0x10', '1e3', [5], '9007199254740993', 2 ** 53])
      fails(() => strictInteger(bad, 'qty'), /^qty: must be a whole number/);
    fails(() => strictInteger(11, 'qty', { min: 1, max: 10 }), /qty: must be from 1 to 10, got 11/);
  });

  it('text: strings and numbers; objects, arrays and booleans are errors', () => {
    expect(strictText(' a ', 't')).to.equal(' a ');
    expect(strictText(' a ', 't', { trim: true })).to.equal('a');
    expect(strictText('   ', 't', { trim: true })).to.equal(undefined);
    expect(strictText(12, 't')).to.equal('12');
    fails(() => strictText({ a: 1 }, 't'), /t: must be text, got \{"a":1\}/);
    fails(() => strictText([1], 't'), /t: must be text, got \[1\]/);
    fails(() => strictText(true, 't'), /t: must be text, got true/);
    fails(() => strictText({ long: 'y'.repeat(200) }, 't'), /\.\.\.$/);
  });

  it('booleans: true/false only, and choices compared as text', () => {
    expect(strictBoolean('TRUE', 'b')).to.equal(true);
    expect(strictBoolean(false, 'b')).to.equal(false);
    for (const bad of ['yes', 1, 0, 'on', {}]) fails(() => strictBoolean(bad, 'b'), /b: must be true or false/);
    expect(strictChoice(1, 'c', ['1', '2'])).to.equal('1');
    fails(() => strictChoice([1], 'c', ['1', '2']), /c: must be text/);
    fails(() => strictChoice('3', 'c', ['1', '2']), /c: must be one of 1, 2, got "3"/);
  });

  it('times: ISO 8601 or a whole epoch; free-form text, negatives and times a Date cannot hold are errors', () => {
    expect(strictTime('2024-01-31T00:00:00Z', 't')).to.equal(Date.UTC(2024, 0, 31));
    expect(strictTime('2024-01-31', 't')).to.equal(Date.UTC(2024, 0, 31));
    expect(strictTime('2024-01-31T08:00:00+08:00', 't')).to.equal(Date.UTC(2024, 0, 31));
    expect(strictTime(1706659200000, 't')).to.equal(1706659200000);
    expect(strictTime('1706659200', 't')).to.equal(1706659200000);
    for (const bad of ['Tue, 1 Jan 2024', 'yesterday', -5, 1.5, '1e12', [1706659200000], {}, true, 1e17, '99999999999999999'])
      fails(() => strictTime(bad, 't'), /^t: must be a time/);
  });

  it('recordUid: a string or a safe integer, nothing else', () => {
    expect(readRecordUid(' 55 ')).to.equal('55');
    expect(readRecordUid(55)).to.equal('55');
    expect(readRecordUid(undefined)).to.equal(undefined);
    expect(readRecordUid('  ')).to.equal(undefined);
    for (const bad of [{ id: 1 }, [55], true, 1.5, NaN, 2 ** 60, 'undefined', 'null', '[object Object]'])
      fails(() => readRecordUid(bad), /^metadata\.recordUid: must be a record id \(text or a whole number\)/);
  });

  it('deleteRequested: true or a time deletes; absent or false does not; anything else is an error', () => {
    for (const yes of [true, '2024-01-01T00:00:00Z', 1706659200000]) expect(readDeleteRequested(yes)).to.equal(true);
    for (const no of [undefined, null, false, '']) expect(readDeleteRequested(no)).to.equal(false);
    for (const bad of ['false', 'true', 0, '0', 'no', 1.5, {}, [true], 'yesterday'])
      fails(() => readDeleteRequested(bad), /^data\.deleteRequested: must be true or the time of the deletion/);
  });

  it('a batch: every invalid item is named by its index in the whole input, and nothing is returned', () => {
    const items = Array.from({ length: 250 }, (_, i) => ({ qty: i === 20 || i === 121 ? 'x' : i }));
    const check = (item: unknown, prefix: string) => strictInteger((item as { qty: unknown }).qty, `${prefix}qty`);
    expect(checkEveryItem('products', items.slice(0, 3), check)).to.deep.equal([0, 1, 2]);
    try {
      checkEveryItem('products', items, check);
      expect.fail('should throw');
    } catch (error) {
      expect(error).to.be.instanceOf(InvalidItemsError).and.instanceOf(ConfigurationError);
      const e = error as InvalidItemsError;
      expect(e.field).to.equal('products[20].qty');
      expect(e.items.map((i) => [i.index, i.field])).to.deep.equal([
        [20, 'products[20].qty'],
        [121, 'products[121].qty'],
      ]);
      expect(e.message).to.equal(
        'products: 2 of 250 items are invalid, nothing was sent: products[20].qty: must be a whole number, got "x"; products[121].qty: must be a whole number, got "x"',
      );
    }
    const many = Array.from({ length: 15 }, () => ({ qty: 'x' }));
    expect(() => checkEveryItem('events', many, check)).to.throw(/15 of 15 items are invalid.*; and 5 more$/);
    expect(() => checkEveryItem('events', [1], () => JSON.parse('{') as unknown)).to.throw(SyntaxError);
  });

  it('the step settings read numbers strictly too', () => {
    expect(readInteger({ n: '16' }, 'n', { min: 1, max: 100, fallback: 3 })).to.equal(16);
    for (const bad of ['0x10', [5], '1e1', '5.0'])
      expect(() => readInteger({ n: bad }, 'n', { min: 1, max: 100, fallback: 3 })).to.throw(/n: must be a whole number from 1 to 100/);
    expect(readRetryOverrides({ maxRetryWaitSeconds: '2.5' })).to.deep.equal({ budgetMs: 2500, maxRetryAfterMs: 2500 });
    expect(() => readRetryOverrides({ maxRetryWaitSeconds: '1e3' })).to.throw(/maxRetryWaitSeconds: must be a number of seconds/);
  });
});
