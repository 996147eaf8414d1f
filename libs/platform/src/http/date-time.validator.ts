import { registerDecorator, type ValidationOptions } from 'class-validator';

/** ISO 8601 date-time with an explicit offset (`Z` or `+01:00`): a police time is never ambiguous. */
export function IsDateTimeWithOffset(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isDateTimeWithOffset',
      target: target.constructor,
      propertyName,
      options: {
        message: 'must be an ISO 8601 date-time with an offset, e.g. 2026-11-20T21:30:00+00:00',
        ...options,
      },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' &&
          /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(value) &&
          isRealCalendarDate(value.slice(0, 10)) &&
          !Number.isNaN(Date.parse(value)),
      },
    });
}

/** A calendar date that exists (no 30 February). */
export function isRealCalendarDate(date: string): boolean {
  const [y, m, d] = date.split('-').map(Number);
  const parsed = new Date(Date.UTC(y, m - 1, d));
  return (
    parsed.getUTCFullYear() === y && parsed.getUTCMonth() === m - 1 && parsed.getUTCDate() === d
  );
}
