import { registerDecorator, type ValidationOptions } from 'class-validator';
import { isCalendarDate } from '@homeward/domain';

/** YYYY-MM-DD naming a day that exists (no 30 February). */
export function IsCalendarDate(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName,
      options: { message: 'must be a date, YYYY-MM-DD', ...options },
      validator: { validate: (value: unknown) => isCalendarDate(value) },
    });
}
