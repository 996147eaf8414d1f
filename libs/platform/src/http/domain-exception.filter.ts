import {
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Response } from 'express';
import {
  ActionNotPermitted,
  InvalidCommand,
  RecordNotFound,
  RuleViolation,
} from '@homeward/domain';
import { EventIdReused, StreamVersionConflict } from '@homeward/event-store';
import { loggableError } from '../observability/loggable-error';
import { isDependencyOutage } from '../outages/dependency-outage';
import { RequestValidationFailed } from './validation-errors';

/**
 * One error shape for clients: `{ errors: [{ field, message }] }` for bad input (400), and
 * `{ statusCode, error, message }` for everything else. Unexpected errors are logged, never
 * leaked.
 */
@Catch()
export class DomainExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (exception instanceof RequestValidationFailed || exception instanceof InvalidCommand) {
      response.status(HttpStatus.BAD_REQUEST).json({ errors: exception.errors });
      return;
    }
    if (exception instanceof RecordNotFound) {
      response
        .status(HttpStatus.NOT_FOUND)
        .json({ statusCode: 404, error: 'Not Found', message: exception.message });
      return;
    }
    if (exception instanceof RuleViolation) {
      response
        .status(HttpStatus.CONFLICT)
        .json({ statusCode: 409, error: 'Conflict', message: exception.message });
      return;
    }
    if (exception instanceof ActionNotPermitted) {
      response
        .status(HttpStatus.FORBIDDEN)
        .json({ statusCode: 403, error: 'Forbidden', message: exception.message });
      return;
    }
    if (exception instanceof EventIdReused) {
      response.status(HttpStatus.CONFLICT).json({
        statusCode: 409,
        error: 'Conflict',
        message:
          'this Idempotency-Key was already used for a different request; nothing was written',
      });
      return;
    }
    if (exception instanceof StreamVersionConflict) {
      // Retries were exhausted under heavy contention on one child's record: safe to resend.
      response.status(HttpStatus.SERVICE_UNAVAILABLE).set('Retry-After', '1').json({
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'the record was busy; nothing was written, please resend',
      });
      return;
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      response
        .status(status)
        .json(typeof body === 'string' ? { statusCode: status, message: body } : body);
      return;
    }
    if (isDependencyOutage(exception)) {
      // The database, the store or a broker is not answering: the caller's request was fine.
      this.logger.warn(`answered 503, a dependency is not answering: ${loggableError(exception)}`);
      response
        .status(HttpStatus.SERVICE_UNAVAILABLE)
        .set('Retry-After', '5')
        .json({
          statusCode: 503,
          error: 'Service Unavailable',
          message:
            'Homeward cannot reach its database or broker just now; resend in a moment ' +
            '(a notification, or a command with the same Idempotency-Key, is never recorded twice)',
        });
      return;
    }
    // Name, code and stack, not the message: a database error quotes the value it refused.
    this.logger.error(`answered 500: ${loggableError(exception)}`);
    response
      .status(HttpStatus.INTERNAL_SERVER_ERROR)
      .json({ statusCode: 500, error: 'Internal Server Error', message: 'unexpected error' });
  }
}
