import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync } from 'class-validator';
import { RequestValidationFailed, flattenValidationErrors } from './validation-errors';

/**
 * Validates a request body against a class-validator DTO and names every bad field at once
 * (400 `{ errors: [{ field, message }] }`). Properties the DTO does not declare are dropped.
 */
export function parseBody<T extends object>(dtoClass: ClassConstructor<T>, body: unknown): T {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new RequestValidationFailed([{ field: '(body)', message: 'must be a JSON object' }]);
  }
  const dto = plainToInstance(dtoClass, body, { enableImplicitConversion: false });
  const errors = flattenValidationErrors(
    validateSync(dto, { whitelist: true, forbidUnknownValues: false }),
  );
  if (errors.length > 0) throw new RequestValidationFailed(errors);
  return dto;
}
