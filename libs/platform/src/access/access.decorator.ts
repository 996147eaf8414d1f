import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiHeader, ApiOperation, ApiResponse } from '@nestjs/swagger';
import { GuardedAnswers } from '../http/api-answers';
import { ValidationErrorsBody } from '../http/error-bodies.response';
import { ROUTE_POLICY, type RouteKey } from './access-policy';

export const ACCESS_KEY = 'homeward:access';

/**
 * Puts a route under its entry in the access policy (ROUTE_POLICY), named by `METHOD /path`;
 * the access-matrix test checks the name is the route's own. The OpenAPI document says what
 * the entry says (bearer security, `x-roles`, the purpose header), so it cannot disagree.
 */
export function Access(key: RouteKey) {
  const { roles, reads } = ROUTE_POLICY[key];
  return applyDecorators(
    SetMetadata(ACCESS_KEY, key),
    ApiBearerAuth(),
    ApiExtension('x-roles', [...roles]),
    ApiOperation(
      {
        description:
          `Roles: ${roles.join(', ')}.` +
          (reads === 'CHILD_DATA'
            ? ' Child-level data: only children in the caller’s scope (others answer 404);' +
              ' a stated purpose is required and the read is audited.'
            : ''),
      },
      { overrideExisting: false },
    ),
    GuardedAnswers(roles),
    ...(reads === 'CHILD_DATA'
      ? [
          ApiHeader({
            name: 'X-Purpose',
            required: true,
            description:
              'why you are looking (or the `purpose` query parameter); recorded in the audit',
          }),
          ApiHeader({
            name: 'X-Break-Glass-Reason',
            required: false,
            description:
              'safeguarding manager only: opens a child outside your authorities; audited, and the auditor is alerted',
          }),
          ApiResponse({
            status: 400,
            description: 'bad input, or no stated purpose (`purpose` is named)',
            type: ValidationErrorsBody,
          }),
        ]
      : []),
  );
}
