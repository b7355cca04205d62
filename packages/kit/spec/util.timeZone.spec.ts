import { expect } from 'chai';
import { ConfigurationError, readTimeZoneField } from '../src';

describe('readTimeZoneField (a provider wall clock)', () => {
  it('is UTC when the field is empty', () => {
    for (const value of [undefined, null, '', 'UTC', 'gmt', 'Z']) {
      const clock = readTimeZoneField({ timeZone: value }, 'timeZone');
      expect(clock.format(Date.UTC(2026, 0, 31, 14, 5, 0))).to.equal('2026-01-31 14:05:00');
      expect(clock.parse('2026-01-31 14:05:00')).to.equal(Date.UTC(2026, 0, 31, 14, 5, 0));
    }
  });

  it('reads fixed offsets in their usual spellings', () => {
    const instant = Date.UTC(2026, 0, 31, 20, 30, 15);
    for (const zone of ['+08:00', '+0800', '+8', 'UTC+8', 'GMT+08:00']) {
      const clock = readTimeZoneField({ timeZone: zone }, 'timeZone');
      expect(clock.format(instant), zone).to.equal('2026-02-01 04:30:15');
      expect(clock.parse('2026-02-01 04:30:15'), zone).to.equal(instant);
    }
    const west = readTimeZoneField({ tz: '-05:30' }, 'tz');
    expect(west.format(instant)).to.equal('2026-01-31 15:00:15');
    expect(west.parse('2026-01-31T15:00:15')).to.equal(instant);
  });

  it('follows an IANA zone across daylight-saving changes', () => {
    const berlin = readTimeZoneField({ timeZone: 'Europe/Berlin' }, 'timeZone');
    expect(berlin.format(Date.UTC(2026, 0, 15, 12))).to.equal('2026-01-15 13:00:00');
    expect(berlin.format(Date.UTC(2026, 6, 15, 12))).to.equal('2026-07-15 14:00:00');
    expect(berlin.parse('2026-01-15 13:00:00')).to.equal(Date.UTC(2026, 0, 15, 12));
    expect(berlin.parse('2026-07-15 14:00:00')).to.equal(Date.UTC(2026, 6, 15, 12));
    const shanghai = readTimeZoneField({ timeZone: 'Asia/Shanghai' }, 'timeZone');
    expect(shanghai.parse('2026-03-01')).to.equal(Date.UTC(2026, 1, 28, 16));
  });

  it('reads zoned and epoch values as they are, and garbage as nothing', () => {
    const clock = readTimeZoneField({ timeZone: '+08:00' }, 'timeZone');
    expect(clock.parse('2026-01-31T14:05:00Z')).to.equal(Date.UTC(2026, 0, 31, 14, 5));
    expect(clock.parse(1_769_868_300_000)).to.equal(1_769_868_300_000);
    expect(clock.parse('soon')).to.equal(undefined);
    expect(clock.parse('2026-02-30 10:00:00')).to.equal(undefined);
    expect(clock.parse(undefined)).to.equal(undefined);
  });

  it('names the field when the zone is unknown', () => {
    for (const zone of ['Mars/Olympus', '+25:00', 'eight']) {
      expect(() => readTimeZoneField({ timeZone: zone }, 'timeZone'), zone)
        .to.throw(ConfigurationError, /timeZone/)
        .with.property('message')
        .that.contains(zone);
    }
  });
});
