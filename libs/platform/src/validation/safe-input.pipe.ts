import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import type { FieldError } from '@homeward/domain';
import { RequestValidationFailed } from '../http/validation-errors';
import { unsafeInputErrors } from './unsafe-input';

/**
 * Runs on every body, query parameter and path parameter of every route (it is global), after
 * authentication and before any DTO validation: what no route can store or transform safely is
 * refused here, once, with a 400 naming the field. A query parameter given twice arrives as an
 * array, which no route expects.
 */
@Injectable()
export class SafeInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const errors =
      metadata.type === 'query'
        ? queryErrors(value, metadata.data)
        : unsafeInputErrors(value, metadata.data ?? '');
    if (errors.length > 0) throw new RequestValidationFailed(errors);
    return value;
  }
}

function queryErrors(value: unknown, name: string | undefined): FieldError[] {
  // `@Query('owner')` gets one parameter; `@Query()` the whole object of them.
  const parameters: Array<[string, unknown]> =
    name !== undefined ? [[name, value]] : Object.entries(value ?? {});
  return parameters.flatMap(([field, given]) =>
    Array.isArray(given) || (typeof given === 'object' && given !== null)
      ? [{ field, message: 'must be given once, as a single value' }]
      : unsafeInputErrors(given, field),
  );
}
