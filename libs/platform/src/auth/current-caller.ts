import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Caller } from './roles';

/** The authenticated caller the guard put on the request: who is acting, with which roles. */
export const CurrentCaller = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Caller =>
    context.switchToHttp().getRequest<{ caller: Caller }>().caller,
);
