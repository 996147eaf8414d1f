import { Matches, registerDecorator, type ValidationOptions } from 'class-validator';

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

/** A calendar date `YYYY-MM-DD` that exists (no 30 February). */
export function IsCalendarDate(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName,
      options: { message: 'must be a date YYYY-MM-DD', ...options },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' &&
          /^\d{4}-\d{2}-\d{2}$/.test(value) &&
          isRealCalendarDate(value),
      },
    });
}

function isRealCalendarDate(date: string): boolean {
  const [y, m, d] = date.split('-').map(Number);
  const parsed = new Date(Date.UTC(y, m - 1, d));
  return (
    parsed.getUTCFullYear() === y && parsed.getUTCMonth() === m - 1 && parsed.getUTCDate() === d
  );
}

/** Police force codes as used nationally (WMP, MPS, GMP...). */
export const IsForceCode = () =>
  Matches(/^[A-Z][A-Z0-9]{1,9}$/, { message: 'must be a police force code such as WMP' });
