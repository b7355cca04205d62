import { expect } from 'chai';
import { Log } from '../src/util/logger';
import { Redactor, isSecretKey } from '../src/util/redact';
import { DAY_MS, parseTimestamp, toIso, toUnixSeconds } from '../src/util/timestamps';
import { now, timing, wait, withTiming } from '../src/util/timing';
import { hashKey } from '../src/util/hash';
import { FakeClock } from './helpers/fakeClock';

describe('utilities', () => {
  describe('Redactor', () => {
    it('removes known secret values at any depth, never a value for its key name alone; log fields also by name', () => {
      const r = new Redactor().add('p@ss word!', 'abc', undefined, 42);
      expect(r.text('login p@ss word! / p%40ss%20word! / abc')).to.equal('login *** / *** / abc');
      const input = { list: [{ client_secret: 'x', name: 'p@ss word!' }], Authorization: 'Bearer y', empty: '', token: '' };
      expect(r.value(input)).to.deep.equal({ list: [{ client_secret: 'x', name: '***' }], Authorization: 'Bearer y', empty: '', token: '' });
      expect(r.fields(input)).to.deep.equal({ list: [{ client_secret: '***', name: '***' }], Authorization: '***', empty: '', token: '' });
    });

    it('masks every encoding of a secret: raw, URL, form (+ for space), JSON-escaped, base64, Basic id:secret', () => {
      const secret = 'cr Secret!(x)*"q\\';
      const r = new Redactor().addBasic('client-1', secret);
      const encodings = [
        secret,
        encodeURIComponent(secret),
        new URLSearchParams({ client_secret: secret }).toString().split('=')[1],
        JSON.stringify(secret).slice(1, -1),
        JSON.stringify(JSON.stringify({ s: secret })),
        Buffer.from(secret).toString('base64'),
        Buffer.from(`client-1:${secret}`).toString('base64'),
      ];
      for (const text of encodings)
        expect(r.text(`echo ${text} end`), text)
          .to.not.include('Secret')
          .and.not.equal(`echo ${text} end`);
      expect(r.text('client_secret=cr+Secret%21%28x%29*%22q%5C')).to.equal('client_secret=***');
    });

    it('value: a record without any secret comes back as itself; one secret anywhere (any encoding, any depth up to 20) gives a masked copy', () => {
      const secret = 'cr Secret!(x)';
      const r = new Redactor().add(secret);
      const clean = { id: 7, tags: ['a', 'b'], nested: { deeper: [{ text: 'no secret here', n: null, ok: true }] } };
      expect(r.value(clean)).to.equal(clean);
      expect(new Redactor().value(clean), 'no secret known').to.equal(clean);
      const forms = [secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64'), JSON.stringify(secret).slice(1, -1)];
      for (const form of forms) {
        const dirty = { id: 7, nested: { deeper: [{ text: `before ${form} after`, n: null }] }, tags: ['a'] };
        const copy = r.value(dirty);
        expect(copy, form).to.not.equal(dirty);
        expect(copy).to.deep.equal({ id: 7, nested: { deeper: [{ text: 'before *** after', n: null }] }, tags: ['a'] });
        expect(dirty.nested.deeper[0].text, 'the input is left as it was').to.equal(`before ${form} after`);
      }
      let deep: unknown = secret;
      for (let depth = 0; depth < 20; depth += 1) deep = depth % 2 ? [deep] : { inner: deep };
      expect(JSON.stringify(r.value(deep))).to.not.include('Secret');
      // Not a plain object: copied as before (own enumerable fields only), so an Error's message never slips through.
      const holder = { error: new Error(`failed with ${secret}`), when: new Date(0) };
      const copied = r.value(holder);
      expect(copied).to.not.equal(holder);
      expect(copied.error).to.not.be.instanceOf(Error);
      expect(JSON.stringify(copied)).to.not.include('Secret');
      // A secret-named key never masks business data on its own (value, unlike fields).
      const named = { token: 'customer-token-value', password: 'not the secret' };
      expect(r.value(named)).to.equal(named);
    });

    it('value and fields: below 20 levels a part is read as JSON text; with a secret in it (any encoding) the part is masked whole', () => {
      const secret = 'cr Secret!(x)';
      const r = new Redactor().add(secret);
      const nest = (leaf: unknown, levels: number): unknown => {
        let node = leaf;
        for (let depth = 0; depth < levels; depth += 1) node = depth % 2 ? [node] : { inner: node };
        return node;
      };
      const clean = { id: 1, deep: nest({ text: 'nothing secret' }, 40) };
      expect(r.value(clean)).to.equal(clean);
      for (const form of [secret, Buffer.from(secret).toString('base64'), JSON.stringify(secret).slice(1, -1)]) {
        const dirty = { id: 1, deep: nest({ text: `x ${form} y`, other: 'kept?' }, 40) };
        for (const out of [r.value(dirty), r.fields(dirty)]) {
          const json = JSON.stringify(out);
          expect(json, form).to.not.include('Secret').and.not.include(form);
          expect(json).to.include('"id":1').and.include('"***"');
        }
      }
      const cyclic: Record<string, unknown> = { name: 'loop' };
      cyclic.self = cyclic;
      expect(JSON.stringify(r.value({ deep: nest(cyclic, 25) }))).to.include('"***"');
    });

    it('learns the tokens of a token answer the moment they arrive, not its descriptive fields', () => {
      const r = new Redactor().addTokens({ access_token: 'at-1234', data: { refreshToken: 'rt-5678' }, token_type: 'Bearer', expires_in: 3600 });
      expect(r.text('at-1234 rt-5678 Bearer')).to.equal('*** *** Bearer');
    });

    it('learns the secrets of a configuration, nested objects included', () => {
      const r = new Redactor().addFromConfig({
        apiKey: 'key-1234',
        oauth: { access_token: 'at-5678', nested: { refresh_token: 'rt-9012' } },
        user: 'ann-the-user',
      });
      expect(r.text('key-1234 at-5678 rt-9012 ann-the-user')).to.equal('*** *** *** ann-the-user');
      expect(new Redactor().addFromConfig(null).text('x')).to.equal('x');
      expect(isSecretKey('Client-Secret')).to.equal(true);
      expect(isSecretKey('clientId')).to.equal(false);
    });
  });

  describe('Log', () => {
    it("gives the fields to a runtime logger through child() (sailor and ferryman turn a first argument that is not text into '[object Object]')", () => {
      const lines: unknown[][] = [];
      const logger = (fields: Record<string, unknown>) => ({
        info: (...a: unknown[]) => lines.push(['info', fields, ...a]),
        warn: (...a: unknown[]) => lines.push(['warn', fields, ...a]),
        error: (...a: unknown[]) => lines.push(['error', fields, ...a]),
        child: (more: Record<string, unknown>) => logger({ ...fields, ...more }),
      });
      const log = new Log(logger({ flow: 'f' }), new Redactor().add('secret-1'), { step: 's' });
      log.info('Page done', { records: 3, token: 'secret-1' });
      log.warn('w secret-1');
      log.debug('d');
      expect(lines).to.deep.equal([
        ['info', { flow: 'f', step: 's', records: 3, token: '***' }, 'Page done'],
        ['warn', { flow: 'f', step: 's' }, 'w ***'],
        ['info', { flow: 'f', step: 's' }, 'd'],
      ]);
    });

    it('writes bunyan-style (fields, message), with base fields, redacted, falling back to info', () => {
      const lines: unknown[][] = [];
      const target = { info: (...a: unknown[]) => lines.push(['info', ...a]), error: (...a: unknown[]) => lines.push(['error', ...a]) };
      const log = new Log(target, new Redactor().add('secret-1'), { step: 's' }).child({ run: 1 });
      log.debug('d secret-1', { password: 'p' });
      log.warn('w');
      log.error('e', { n: 2 });
      log.info('i');
      expect(lines).to.deep.equal([
        ['info', { step: 's', run: 1, password: '***' }, 'd ***'],
        ['info', { step: 's', run: 1 }, 'w'],
        ['error', { step: 's', run: 1, n: 2 }, 'e'],
        ['info', { step: 's', run: 1 }, 'i'],
      ]);
    });
  });

  describe('timestamps', () => {
    it('reads ISO with and without zone, dates, unix seconds and milliseconds', () => {
      const t = Date.parse('2024-03-01T12:00:00Z');
      expect(parseTimestamp('2024-03-01T12:00:00Z')).to.equal(t);
      expect(parseTimestamp('2024-03-01 12:00:00')).to.equal(t);
      expect(parseTimestamp('2024-03-01T14:00:00+02:00')).to.equal(t);
      expect(parseTimestamp('2024-03-01')).to.equal(Date.parse('2024-03-01T00:00:00Z'));
      expect(parseTimestamp(t / 1000)).to.equal(t);
      expect(parseTimestamp(String(t))).to.equal(t);
      expect(parseTimestamp(new Date(t))).to.equal(t);
      for (const nothing of [null, undefined, '', 'garbage', {}, new Date('x'), Number.NaN]) expect(parseTimestamp(nothing)).to.equal(undefined);
      expect(toIso(t)).to.equal('2024-03-01T12:00:00.000Z');
      expect(toUnixSeconds(t + 999)).to.equal(t / 1000);
      expect(DAY_MS).to.equal(86_400_000);
    });
  });

  describe('timing', () => {
    it('wait scales the sleep and reports the unscaled time; withTiming restores the seam', async () => {
      const clock = new FakeClock(1000);
      const result = await withTiming({ clock, scale: 0.5 }, async () => {
        expect(await wait(400)).to.equal(400);
        expect(await wait(0)).to.equal(0);
        return now();
      });
      expect(result).to.equal(1200);
      expect(clock.sleeps).to.deep.equal([200]);
      expect(timing.scale).to.equal(1);
      expect(timing.clock).not.to.equal(clock);
      let thrown = false;
      await withTiming({ scale: 3 }, async () => {
        throw new Error('x');
      }).catch(() => (thrown = true));
      expect(thrown).to.equal(true);
      expect(timing.scale).to.equal(1);
    });
  });

  it('hashKey is stable and does not contain its input', () => {
    expect(hashKey('id', 'secret-value')).to.equal(hashKey('id', 'secret-value')).and.to.have.length(16);
    expect(hashKey('id', 'other')).not.to.equal(hashKey('id', 'secret-value'));
  });
});
