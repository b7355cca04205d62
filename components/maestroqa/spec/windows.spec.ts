import { expect } from 'chai';
import { ConfigurationError, DAY_MS } from '@oih-suite/kit';
import { parseDay, splitDays } from '../lib/windows';
import { pollWindows } from '../lib/coaching';

/** Every day between the bounds, for checking that windows cover each exactly once. */
function days(start: string, end: string): string[] {
  const out: string[] = [];
  for (let t = parseDay(start)!; t <= parseDay(end)!; t += DAY_MS) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}
function covered(windows: { startDate: string; endDate: string }[]): string[] {
  return windows.flatMap((w) => days(w.startDate, w.endDate));
}

describe('maestroqa 90-day windows', () => {
  it('a leap year splits into 90-day windows covering Feb 29 once', () => {
    const windows = splitDays('2024-01-01', '2024-12-31');
    expect(windows).to.deep.equal([
      { startDate: '2024-01-01', endDate: '2024-03-30' },
      { startDate: '2024-03-31', endDate: '2024-06-28' },
      { startDate: '2024-06-29', endDate: '2024-09-26' },
      { startDate: '2024-09-27', endDate: '2024-12-25' },
      { startDate: '2024-12-26', endDate: '2024-12-31' },
    ]);
    expect(covered(windows)).to.deep.equal(days('2024-01-01', '2024-12-31'));
    expect(covered(windows)).to.include('2024-02-29');
  });

  it('crosses month ends and a non-leap February without gap or overlap', () => {
    const windows = splitDays('2023-01-31', '2023-05-01');
    expect(windows).to.deep.equal([
      { startDate: '2023-01-31', endDate: '2023-04-30' },
      { startDate: '2023-05-01', endDate: '2023-05-01' },
    ]);
    expect(covered(windows)).to.deep.equal(days('2023-01-31', '2023-05-01'));
  });

  it('a window across the 2024 leap day ends 89 days after its start', () => {
    expect(splitDays('2023-12-15', '2024-03-13')).to.deep.equal([{ startDate: '2023-12-15', endDate: '2024-03-13' }]);
    expect(splitDays('2023-12-15', '2024-03-14')).to.deep.equal([
      { startDate: '2023-12-15', endDate: '2024-03-13' },
      { startDate: '2024-03-14', endDate: '2024-03-14' },
    ]);
  });

  it('one day is one window; ten years cover every day exactly once', () => {
    expect(splitDays('2024-02-29', '2024-02-29')).to.deep.equal([{ startDate: '2024-02-29', endDate: '2024-02-29' }]);
    const windows = splitDays('2015-06-01', '2025-06-01');
    expect(covered(windows)).to.deep.equal(days('2015-06-01', '2025-06-01'));
    for (const w of windows) expect((parseDay(w.endDate)! - parseDay(w.startDate)!) / DAY_MS).to.be.at.most(89);
  });

  it('rejects malformed and impossible dates and reversed ranges, naming the field', () => {
    const fails = (start: string, end: string, field: string, text: RegExp) => {
      expect(() => splitDays(start, end))
        .to.throw(ConfigurationError, text)
        .with.property('field', field);
    };
    fails('2024-13-01', '2024-12-31', 'startDate', /^startDate: "2024-13-01" is not a date/);
    fails('2024-01-01', '2023-02-29', 'endDate', /^endDate: "2023-02-29" is not a date/);
    fails('2024-01-01', '01/02/2024', 'endDate', /not a date/);
    fails('2024-02-01', '2024-01-31', 'endDate', /^endDate: 2024-01-31 is before startDate 2024-02-01$/);
  });

  it('a poll reads from lookbackDays before the snapshot, and ahead too on the meeting axis', () => {
    const since = Date.parse('2024-03-01T10:00:00Z');
    const until = Date.parse('2024-03-02T10:00:00Z');
    expect(pollWindows(since, until, { timeAxis: 'createdAt', lookbackDays: 30, separateItems: false })).to.deep.equal([
      { startDate: '2024-01-31', endDate: '2024-03-02' },
    ]);
    expect(pollWindows(since, until, { timeAxis: 'meetingDate', lookbackDays: 30, separateItems: false })).to.deep.equal([
      { startDate: '2024-01-31', endDate: '2024-04-01' },
    ]);
    expect(
      pollWindows(0, Date.parse('2014-03-01T00:00:00Z'), { timeAxis: 'createdAt', lookbackDays: 0, separateItems: false })[0].startDate,
    ).to.equal('2014-01-01');
  });
});
