import { ddmmyyyy, isCalendarDate, londonDate, parseReportPeriod } from './report-dates';

describe('the reporting period', () => {
  it('takes from and to as calendar dates, both ends included', () => {
    expect(parseReportPeriod({ from: '2026-04-01', to: '2026-04-30' })).toEqual({
      period: { from: '2026-04-01', to: '2026-04-30' },
      errors: [],
    });
    expect(parseReportPeriod({ from: '2026-04-01', to: '2026-04-01' }).period).toEqual({
      from: '2026-04-01',
      to: '2026-04-01',
    });
  });

  it('names each missing or malformed field', () => {
    expect(parseReportPeriod({}).errors).toEqual([
      { field: 'from', message: 'is required' },
      { field: 'to', message: 'is required' },
    ]);
    expect(parseReportPeriod({ from: ' ', to: '2026-02-30' }).errors).toEqual([
      { field: 'from', message: 'is required' },
      { field: 'to', message: 'must be a calendar date written YYYY-MM-DD' },
    ]);
    expect(parseReportPeriod({ from: '01/04/2026', to: '2026-04-30' }).errors).toEqual([
      { field: 'from', message: 'must be a calendar date written YYYY-MM-DD' },
    ]);
  });

  it('refuses a period that ends before it begins', () => {
    expect(parseReportPeriod({ from: '2026-05-01', to: '2026-04-30' })).toEqual({
      period: null,
      errors: [{ field: 'to', message: 'must not be before from (2026-05-01)' }],
    });
  });

  it('knows real calendar dates', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-1-01')).toBe(false);
  });
});

describe('dates as reports show them', () => {
  it('reads a day in London, summer time included', () => {
    expect(londonDate('2026-06-30T23:30:00.000Z')).toBe('2026-07-01');
    expect(londonDate('2026-12-31T23:30:00.000Z')).toBe('2026-12-31');
    expect(londonDate('2026-03-29T00:59:59.000Z')).toBe('2026-03-29');
    expect(londonDate('2026-10-24T23:00:00.000Z')).toBe('2026-10-25');
  });

  it('writes DD/MM/YYYY, and nothing for what is not a date', () => {
    expect(ddmmyyyy('2011-03-14')).toBe('14/03/2011');
    expect(ddmmyyyy(null)).toBe('');
    expect(ddmmyyyy('14/03/2011')).toBe('');
  });
});
