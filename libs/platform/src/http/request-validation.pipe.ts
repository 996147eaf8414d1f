import { ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { RequestValidationFailed, flattenValidationErrors } from './validation-errors';

/**
 * Nest's ValidationPipe, global, for every `@Body() dto: SomeDto`: every bad field is named at
 * once in `{ errors: [{ field, message }] }`, properties the DTO does not declare are dropped,
 * and nothing is converted implicitly (a "5" stays a string and is refused as one).
 *
 * It runs after SafeInputPipe (registered before it), so NUL characters, lone surrogates and
 * deep nesting are refused before class-transformer copies anything. A `@Body() body: unknown`
 * (the police notification, validated by its own contract shared with Kafka) is left alone.
 */
export class RequestValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidUnknownValues: false,
      transform: true,
      transformOptions: { enableImplicitConversion: false },
      exceptionFactory: (errors) => new RequestValidationFailed(flattenValidationErrors(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // An array or a string is never a command: say so rather than "is required" per field.
    // An absent body is an empty one (a route whose fields are all optional takes none).
    if (metadata.type === 'body' && this.toValidate(metadata) && !isObjectOrAbsent(value)) {
      throw new RequestValidationFailed([{ field: '(body)', message: 'must be a JSON object' }]);
    }
    return super.transform(value, metadata);
  }
}

const isObjectOrAbsent = (value: unknown): boolean =>
  value === undefined ||
  value === null ||
  (typeof value === 'object' && !Array.isArray(value) && !Buffer.isBuffer(value));
