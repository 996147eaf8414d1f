import type { ValidationError } from 'class-validator';
import type { FieldError } from '@homeward/domain';

/** class-validator's error tree as flat, dotted field paths: `child.dateOfBirth`, `foundWith.0.name`. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const messages = Object.values(error.constraints ?? {});
    // One message per field: a missing value is "required", not three complaints about its type.
    const own =
      messages.length === 0
        ? []
        : [
            {
              field,
              message:
                error.value === undefined || error.value === null
                  ? 'is required'
                  : messages[0].replace(new RegExp(`^${escape(error.property)} `), ''),
            },
          ];
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Thrown by application code for a 400 that names every bad field. */
export class RequestValidationFailed extends Error {
  override readonly name = 'RequestValidationFailed';
  constructor(readonly errors: FieldError[]) {
    super(errors.map((e) => `${e.field}: ${e.message}`).join('; '));
  }
}
