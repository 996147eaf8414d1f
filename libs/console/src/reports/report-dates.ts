import type { FieldError } from '@homeward/domain';
import { LONDON_TIME_ZONE, londonDate } from '@homeward/platform';

/** A reporting period: whole days, both ends included, as calendar dates `YYYY-MM-DD`. */
export interface ReportPeriod {
  from: string;
  to: string;
}

/**
 * Reports are read in England, so a day is a day in Europe/London: an episode that began at
 * 23:30 UTC on 30 June in summer time began on 1 July.
 */
export const REPORT_TIME_ZONE = LONDON_TIME_ZONE;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD` (not 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export { londonDate };

/** `YYYY-MM-DD` as `DD/MM/YYYY` (the SSDA903 form); '' for anything that is not a date. */
export function ddmmyyyy(date: string | null | undefined): string {
  if (!date || !isCalendarDate(date)) return '';
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

/** `from` and `to` are required calendar dates with from ≤ to; each problem names its field. */
export function parseReportPeriod(query: {
  from?: string;
  to?: string;
}): { period: ReportPeriod; errors: [] } | { period: null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  for (const field of ['from', 'to'] as const) {
    const value = query[field];
    if (value === undefined || value.trim() === '') {
      errors.push({ field, message: 'is required' });
    } else if (!isCalendarDate(value.trim())) {
      errors.push({ field, message: 'must be a calendar date written YYYY-MM-DD' });
    }
  }
  if (errors.length > 0) return { period: null, errors };
  const from = query.from!.trim();
  const to = query.to!.trim();
  if (from > to) {
    return {
      period: null,
      errors: [{ field: 'to', message: `must not be before from (${from})` }],
    };
  }
  return { period: { from, to }, errors: [] };
}
