import {
  ForbiddenException,
  Inject,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';
import { HOMEWARD_CONFIG, type HomewardConfig } from '../config/homeward-config';
import { RequestContext } from '../observability/request-context';
import { PUBLIC_KEY, ROLES_KEY, isRole, type Caller, type Role } from './roles';

/** Bearer JWT with a `roles` claim, verified with the configured key; then the route's roles. */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    @Inject(HOMEWARD_CONFIG) private readonly config: HomewardConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    const request = context.switchToHttp().getRequest<Request & { caller?: Caller }>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) {
      throw new UnauthorizedException('missing bearer token (Authorization: Bearer <JWT>)');
    }
    let claims: { sub?: unknown; roles?: unknown };
    try {
      claims = await this.jwt.verifyAsync(token, {
        secret: this.config.auth.jwtSecret,
        algorithms: ['HS256'],
      });
    } catch (error) {
      throw new UnauthorizedException(`invalid token: ${(error as Error).message}`);
    }
    if (!Array.isArray(claims.roles) || !claims.roles.every((r) => typeof r === 'string')) {
      throw new UnauthorizedException('token has no `roles` claim');
    }
    const caller: Caller = {
      sub: typeof claims.sub === 'string' ? claims.sub : 'unknown',
      // Unknown roles are ignored, so nothing downstream ever looks up a name it does not know.
      roles: claims.roles.filter(isRole),
    };
    request.caller = caller;
    RequestContext.setCaller(caller);

    const allowed = this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets) ?? [];
    if (!allowed.some((role) => caller.roles.includes(role))) {
      throw new ForbiddenException(`this needs one of the roles: ${allowed.join(', ')}`);
    }
    return true;
  }
}
