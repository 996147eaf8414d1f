import {
  ForbiddenException,
  Inject,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ACCESS_KEY } from '../access/access.decorator';
import { routePolicyOf } from '../access/access-policy';
import { RequestValidationFailed } from '../http/validation-errors';
import { RequestContext } from '../observability/request-context';
import { PUBLIC_KEY, type Caller } from './roles';
import { TOKEN_VERIFIER, type TokenVerifier } from './token-verifier';

/**
 * Every route but the public ones: a verified bearer token, then the route's entry in the
 * access policy (its roles; a stated purpose when it reads child-level data). A route with no
 * entry is refused: the policy is the only place access is granted.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly tokens: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    const request = context.switchToHttp().getRequest<Request & { caller?: Caller }>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) {
      throw new UnauthorizedException('missing bearer token (Authorization: Bearer <JWT>)');
    }
    const caller = await this.tokens.verify(token);
    request.caller = caller;
    RequestContext.setCaller(caller);

    const key = this.reflector.getAllAndOverride<string>(ACCESS_KEY, targets);
    const policy = key === undefined ? undefined : routePolicyOf(key);
    if (!policy) throw new ForbiddenException('this route is not open to any role');
    if (!policy.roles.some((role) => caller.roles.includes(role))) {
      throw new ForbiddenException(`this needs one of the roles: ${policy.roles.join(', ')}`);
    }
    if (policy.reads === 'CHILD_DATA' && !RequestContext.current().purpose) {
      throw new RequestValidationFailed([
        {
          field: 'purpose',
          message:
            'state why you are looking at this child-level data: the X-Purpose header or the purpose query parameter',
        },
      ]);
    }
    return true;
  }
}
