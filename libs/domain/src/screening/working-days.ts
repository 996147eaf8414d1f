const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The same clock time `n` working days after `iso`, in UTC. Saturdays, Sundays and the given bank
 * holidays (YYYY-MM-DD, read as UTC dates) are not working days. Counting starts from the day
 * after `iso`, so a start on a Saturday with n = 1 lands on Monday. n = 0 returns `iso` itself.
 *
 * Children's social care decide on a referral within one working day:
 * `addWorkingDays(referredAt, 1, bankHolidays)`.
 */
export function addWorkingDays(
  iso: string,
  n: number,
  bankHolidays: readonly string[] = [],
): string {
  const start = Date.parse(iso);
  if (Number.isNaN(start)) throw new RangeError(`not a date and time: ${iso}`);
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`working days must be a whole number of 0 or more, got ${n}`);
  }
  for (const holiday of bankHolidays) {
    if (!DATE_ONLY.test(holiday) || Number.isNaN(Date.parse(holiday))) {
      throw new RangeError(`bank holiday must be a date as YYYY-MM-DD, got ${holiday}`);
    }
  }
  const holidays = new Set(bankHolidays);
  const isWorkingDay = (at: Date): boolean => {
    const weekday = at.getUTCDay();
    return weekday !== 0 && weekday !== 6 && !holidays.has(at.toISOString().slice(0, 10));
  };

  let at = start;
  for (let counted = 0; counted < n;) {
    at += DAY_MS;
    if (isWorkingDay(new Date(at))) counted += 1;
  }
  return new Date(at).toISOString();
}
