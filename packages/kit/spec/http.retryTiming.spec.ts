import { expect } from 'chai';
import { backoffMs, parseHttpDate, retryAfterMs } from '../src/http/retryTiming';

const NOW = Date.parse('1994-11-06T08:49:30Z');
const EXPECTED = Date.parse('1994-11-06T08:49:37Z');

describe('retry timing', () => {
  describe('parseHttpDate', () => {
    it('reads IMF-fixdate, RFC 850 and asctime (which has no zone: GMT)', () => {
      expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT')).to.equal(EXPECTED);
      expect(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT')).to.equal(EXPECTED);
      expect(parseHttpDate('Sun Nov  6 08:49:37 1994')).to.equal(EXPECTED);
    });

    it('puts a two-digit RFC 850 year within 50 years of now', () => {
      expect(new Date(parseHttpDate('Friday, 01-Mar-30 00:00:00 GMT')!).getUTCFullYear()).to.equal(2030);
    });

    it('returns undefined for garbage', () => {
      expect(parseHttpDate('soon')).to.equal(undefined);
    });
  });

  describe('retryAfterMs', () => {
    it('reads delta-seconds, rounding fractions up', () => {
      expect(retryAfterMs({ 'retry-after': '120' }, NOW)).to.equal(120_000);
      expect(retryAfterMs({ 'retry-after': ' 1.5 ' }, NOW)).to.equal(1500);
      expect(retryAfterMs({ 'retry-after': '0' }, NOW)).to.equal(0);
    });

    it('reads every HTTP-date form relative to now, never negative', () => {
      for (const date of ['Sun, 06 Nov 1994 08:49:37 GMT', 'Sunday, 06-Nov-94 08:49:37 GMT', 'Sun Nov  6 08:49:37 1994']) {
        expect(retryAfterMs({ 'retry-after': date }, NOW), date).to.equal(7000);
      }
      expect(retryAfterMs({ 'retry-after': 'Sun, 06 Nov 1994 08:49:00 GMT' }, NOW)).to.equal(0);
    });

    it('falls back to rate-limit reset headers: a delta or an epoch time', () => {
      expect(retryAfterMs({ 'ratelimit-reset': '3' }, NOW)).to.equal(3000);
      expect(retryAfterMs({ 'x-ratelimit-reset': '12' }, NOW)).to.equal(12_000);
      expect(retryAfterMs({ 'x-ratelimit-retry-after': '2' }, NOW)).to.equal(2000);
      const now = Date.parse('2025-01-01T00:00:00Z');
      expect(retryAfterMs({ 'x-ratelimit-reset': String(now / 1000 + 30) }, now)).to.equal(30_000);
      expect(retryAfterMs({ 'x-ratelimit-reset': String(now / 1000 - 30) }, now)).to.equal(0);
    });

    it('prefers Retry-After, skips unreadable values, and says nothing without a hint', () => {
      expect(retryAfterMs({ 'retry-after': '5', 'ratelimit-reset': '60' }, NOW)).to.equal(5000);
      expect(retryAfterMs({ 'retry-after': 'whenever', 'ratelimit-reset': 'x', 'x-ratelimit-reset': '4' }, NOW)).to.equal(4000);
      expect(retryAfterMs({ 'retry-after': '  ' }, NOW)).to.equal(undefined);
      expect(retryAfterMs({}, NOW)).to.equal(undefined);
    });
  });

  describe('backoffMs', () => {
    it('doubles per attempt within [cap/2, cap] and never exceeds the maximum', () => {
      expect(backoffMs(0, 1000, 30_000, () => 0)).to.equal(500);
      expect(backoffMs(0, 1000, 30_000, () => 1)).to.equal(1000);
      expect(backoffMs(3, 1000, 30_000, () => 0)).to.equal(4000);
      expect(backoffMs(3, 1000, 30_000, () => 1)).to.equal(8000);
      expect(backoffMs(10, 1000, 30_000, () => 1)).to.equal(30_000);
      expect(backoffMs(10, 1000, 30_000, () => 0)).to.equal(15_000);
    });

    it('jitters with the real random source inside the range', () => {
      for (let attempt = 0; attempt < 8; attempt += 1) {
        const cap = Math.min(30_000, 1000 * 2 ** attempt);
        const ms = backoffMs(attempt, 1000, 30_000);
        expect(ms).to.be.within(cap / 2, cap);
      }
    });
  });
});
