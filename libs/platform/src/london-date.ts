/**
 * Homeward's users are in England: a day (a report's period, an action's due date) is a day in
 * Europe/London, so 23:30 UTC on 30 June in summer time is 1 July.
 */
export const LONDON_TIME_ZONE = 'Europe/London';

const londonDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: LONDON_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The London calendar date (`YYYY-MM-DD`) of an instant. */
export const londonDate = (instant: string | Date = new Date()): string =>
  londonDay.format(typeof instant === 'string' ? new Date(instant) : instant);
