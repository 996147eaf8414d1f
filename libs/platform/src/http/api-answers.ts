import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorBody, ValidationErrorsBody } from './error-bodies.response';

/*
 * The error answers of a route, for the OpenAPI document. Those every guarded route can give
 * (400, 401, 403, 503) come with @Access(); a route adds the ones its own use case can give.
 */

export const BadInputAnswer = (description = 'bad input: every bad field is named') =>
  ApiResponse({ status: 400, description, type: ValidationErrorsBody });

export const NotFoundAnswer = (description: string) =>
  ApiResponse({ status: 404, description, type: ErrorBody });

export const ConflictAnswer = (description: string) =>
  ApiResponse({ status: 409, description, type: ErrorBody });

/** Answers any route behind the JWT guard can give, whatever it does. */
export const GuardedAnswers = (roles: readonly string[]) =>
  applyDecorators(
    BadInputAnswer(),
    ApiResponse({
      status: 401,
      description: 'no bearer token, or not a valid one',
      type: ErrorBody,
    }),
    ApiResponse({
      status: 403,
      description: `the token has none of the roles ${roles.join(', ')}`,
      type: ErrorBody,
    }),
    ApiResponse({
      status: 503,
      description:
        'the database or broker is not answering (with Retry-After): nothing was written, resend',
      type: ErrorBody,
    }),
  );
