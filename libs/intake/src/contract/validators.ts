import { Matches, registerDecorator, type ValidationOptions } from 'class-validator';
import { isRealCalendarDate } from '@homeward/platform';

export { IsDateTimeWithOffset } from '@homeward/platform';

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

/** Police force codes as used nationally (WMP, MPS, GMP...). */
export const IsForceCode = () =>
  Matches(/^[A-Z][A-Z0-9]{1,9}$/, { message: 'must be a police force code such as WMP' });
