import { HOUR_MS, addHours, ageInYearsAt, isBefore } from './time';

describe('age is counted in whole years, a birthday at a time', () => {
  it('is one year less on the day before the birthday', () => {
    expect(ageInYearsAt('2010-06-15', '2024-06-14T23:59:59.999Z')).toBe(13);
  });

  it('goes up at the first moment of the birthday', () => {
    expect(ageInYearsAt('2010-06-15', '2024-06-15T00:00:00.000Z')).toBe(14);
  });

  it('stays up for the rest of the birthday and after', () => {
    expect(ageInYearsAt('2010-06-15', '2024-06-15T23:59:59.999Z')).toBe(14);
    expect(ageInYearsAt('2010-06-15', '2024-06-16T00:00:00.000Z')).toBe(14);
  });

  it('counts an earlier month as before the birthday and a later month as after it', () => {
    expect(ageInYearsAt('2010-06-15', '2024-05-31T12:00:00.000Z')).toBe(13);
    expect(ageInYearsAt('2010-06-15', '2024-07-01T12:00:00.000Z')).toBe(14);
  });

  it('is 0 on the day of birth', () => {
    expect(ageInYearsAt('2024-01-01', '2024-01-01T08:00:00.000Z')).toBe(0);
  });

  it('turns 18 on the 18th birthday, not a day before', () => {
    expect(ageInYearsAt('2006-06-01', '2024-05-31T23:59:59.999Z')).toBe(17);
    expect(ageInYearsAt('2006-06-01', '2024-06-01T00:00:00.000Z')).toBe(18);
  });

  it('reads the moment in UTC', () => {
    // 00:30 on 16 June in UTC+01:00 is still 15 June in UTC.
    expect(ageInYearsAt('2010-06-16', '2024-06-16T00:30:00.000+01:00')).toBe(13);
  });
});

describe('a child born on 29 February', () => {
  it('has the birthday on 29 February in a leap year', () => {
    expect(ageInYearsAt('2008-02-29', '2024-02-28T23:59:59.999Z')).toBe(15);
    expect(ageInYearsAt('2008-02-29', '2024-02-29T00:00:00.000Z')).toBe(16);
  });

  it('has the birthday on 1 March in other years', () => {
    expect(ageInYearsAt('2008-02-29', '2026-02-28T23:59:59.999Z')).toBe(17);
    expect(ageInYearsAt('2008-02-29', '2026-03-01T00:00:00.000Z')).toBe(18);
  });
});

describe('adding hours', () => {
  it('adds 72 hours', () => {
    expect(addHours('2024-06-02T11:00:00.000Z', 72)).toBe('2024-06-05T11:00:00.000Z');
  });

  it('adds 48 hours', () => {
    expect(addHours('2024-06-02T11:00:00.000Z', 48)).toBe('2024-06-04T11:00:00.000Z');
  });

  it('crosses month and year ends', () => {
    expect(addHours('2024-12-30T20:00:00.000Z', 72)).toBe('2025-01-02T20:00:00.000Z');
  });

  it('counts 29 February in a leap year', () => {
    expect(addHours('2024-02-28T10:00:00.000Z', 48)).toBe('2024-03-01T10:00:00.000Z');
  });

  it('counts real hours across a clock change', () => {
    // UK clocks went forward at 01:00 UTC on 31 March 2024: 72 hours is still 72 hours.
    expect(addHours('2024-03-30T12:00:00.000Z', 72)).toBe('2024-04-02T12:00:00.000Z');
  });

  it('accepts fractional and negative hours', () => {
    expect(addHours('2024-06-02T11:00:00.000Z', 0.5)).toBe('2024-06-02T11:30:00.000Z');
    expect(addHours('2024-06-02T11:00:00.000Z', -12)).toBe('2024-06-01T23:00:00.000Z');
  });

  it('gives the result in UTC with milliseconds', () => {
    expect(addHours('2024-06-02T11:00:00+01:00', 1)).toBe('2024-06-02T11:00:00.000Z');
  });

  it('uses an hour of 3,600,000 ms', () => {
    expect(HOUR_MS).toBe(3_600_000);
  });
});

describe('comparing moments', () => {
  it('is strictly before', () => {
    expect(isBefore('2024-06-01T10:00:00.000Z', '2024-06-01T10:00:00.001Z')).toBe(true);
    expect(isBefore('2024-06-01T10:00:00.000Z', '2024-06-01T10:00:00.000Z')).toBe(false);
    expect(isBefore('2024-06-01T10:00:00.001Z', '2024-06-01T10:00:00.000Z')).toBe(false);
  });

  it('compares moments, not strings, across time zones', () => {
    expect(isBefore('2024-06-01T10:30:00+01:00', '2024-06-01T10:00:00Z')).toBe(true);
  });
});
