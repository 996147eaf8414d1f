import { SOCIAL_CARE_DECISION_WORKING_DAYS } from './screening';
import { addWorkingDays } from './working-days';

// 2024-03-01 is a Friday; 2024-03-29 is Good Friday and 2024-04-01 Easter Monday (England).
const EASTER_2024 = ['2024-03-29', '2024-04-01'];

describe('addWorkingDays skips weekends', () => {
  it('takes Friday 16:00 to Monday 16:00', () => {
    expect(addWorkingDays('2024-03-01T16:00:00.000Z', 1)).toBe('2024-03-04T16:00:00.000Z');
  });

  it('takes Thursday to Friday (the day before the weekend)', () => {
    expect(addWorkingDays('2024-02-29T09:15:00.000Z', 1)).toBe('2024-03-01T09:15:00.000Z');
  });

  it('takes Monday to Tuesday', () => {
    expect(addWorkingDays('2024-03-04T08:00:00.000Z', 1)).toBe('2024-03-05T08:00:00.000Z');
  });

  it('takes Saturday to Monday', () => {
    expect(addWorkingDays('2024-03-02T10:30:00.000Z', 1)).toBe('2024-03-04T10:30:00.000Z');
  });

  it('takes Sunday to Monday', () => {
    expect(addWorkingDays('2024-03-03T22:00:00.000Z', 1)).toBe('2024-03-04T22:00:00.000Z');
  });

  it('takes Friday to the next Friday over five working days', () => {
    expect(addWorkingDays('2024-03-01T16:00:00.000Z', 5)).toBe('2024-03-08T16:00:00.000Z');
  });

  it('keeps the clock time to the millisecond just before midnight UTC', () => {
    expect(addWorkingDays('2024-03-01T23:59:59.999Z', 1)).toBe('2024-03-04T23:59:59.999Z');
  });

  it('reads an offset time as the UTC instant it is', () => {
    // 16:00 at +01:00 is 15:00 UTC on the Friday.
    expect(addWorkingDays('2024-03-01T16:00:00+01:00', 1)).toBe('2024-03-04T15:00:00.000Z');
  });

  it('returns the same instant for zero working days', () => {
    expect(addWorkingDays('2024-03-02T10:30:00.000Z', 0)).toBe('2024-03-02T10:30:00.000Z');
  });
});

describe('addWorkingDays skips bank holidays', () => {
  it('takes the Thursday before Easter over Good Friday, the weekend and Easter Monday to Tuesday', () => {
    expect(addWorkingDays('2024-03-28T09:00:00.000Z', 1, EASTER_2024)).toBe(
      '2024-04-02T09:00:00.000Z',
    );
  });

  it('takes the same Thursday to Good Friday when no holidays are given', () => {
    expect(addWorkingDays('2024-03-28T09:00:00.000Z', 1)).toBe('2024-03-29T09:00:00.000Z');
  });

  it('takes Christmas Eve over Christmas Day and Boxing Day to the Friday', () => {
    expect(addWorkingDays('2024-12-24T14:00:00.000Z', 1, ['2024-12-25', '2024-12-26'])).toBe(
      '2024-12-27T14:00:00.000Z',
    );
  });

  it('takes a Friday over a weekend and a bank holiday Monday to Tuesday', () => {
    expect(addWorkingDays('2024-05-03T16:00:00.000Z', 1, ['2024-05-06'])).toBe(
      '2024-05-07T16:00:00.000Z',
    );
  });

  it('ignores a holiday that falls on the start day itself', () => {
    expect(addWorkingDays('2024-03-29T12:00:00.000Z', 1, EASTER_2024)).toBe(
      '2024-04-02T12:00:00.000Z',
    );
  });
});

describe('addWorkingDays refuses input it cannot count from', () => {
  it('rejects a start that is not a date and time', () => {
    expect(() => addWorkingDays('next Friday', 1)).toThrow('not a date and time: next Friday');
  });

  it.each([-1, 0.5, Number.NaN])('rejects %p working days', (n) => {
    expect(() => addWorkingDays('2024-03-01T16:00:00.000Z', n)).toThrow(RangeError);
  });

  it.each(['2024-5-6', '06/05/2024', '2024-13-01'])('rejects the bank holiday %p', (holiday) => {
    expect(() => addWorkingDays('2024-03-01T16:00:00.000Z', 1, [holiday])).toThrow(
      `bank holiday must be a date as YYYY-MM-DD, got ${holiday}`,
    );
  });
});

describe("children's social care decide within one working day", () => {
  it('defaults to one working day, so a Friday afternoon referral is due Monday afternoon', () => {
    expect(SOCIAL_CARE_DECISION_WORKING_DAYS).toBe(1);
    expect(addWorkingDays('2024-03-01T16:00:00.000Z', SOCIAL_CARE_DECISION_WORKING_DAYS)).toBe(
      '2024-03-04T16:00:00.000Z',
    );
  });
});
