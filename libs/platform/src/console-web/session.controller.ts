import { Body, Controller, Get, HttpCode, Inject, NotFoundException, Post } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { SignJWT } from 'jose';
import { Access } from '../access/access.decorator';
import { CurrentCaller } from '../auth/current-caller';
import { Public, type Caller } from '../auth/roles';
import { HOMEWARD_CONFIG, type HomewardConfig } from '../config/homeward-config';
import { MAX_TOKEN_LIFETIME_SECONDS } from '../config/environment';
import { BadInputAnswer, NotFoundAnswer } from '../http/api-answers';
import { RequestValidationFailed } from '../http/validation-errors';
import { LOCAL_USERS, type LocalUser } from './local-users';
import { SignInDto } from './sign-in.dto';
import {
  ConsoleLocalUser,
  ConsoleSession,
  SessionCaller,
  SignInOptions,
  type Me,
  type Session,
} from './session.response';

export const LOCAL_SIGN_IN_OFF = 'local sign-in is off: sign in with your identity provider';

/** How long a local sign-in lasts, unless AUTH_MAX_TOKEN_LIFETIME is shorter. */
export const LOCAL_SESSION_SECONDS = 8 * 60 * 60;

/**
 * The console's session. Local sign-in (`users`, `POST`) is for local use only: it is on only
 * while tokens are verified with the public development key, and it signs a token exactly as a
 * client would be given one, so everything after it (the guard, the access policy, the purpose
 * rule, the audit) is the same. `me` is for every token, local or the identity provider's.
 */
@Controller('api/v1/session')
export class SessionController {
  constructor(
    @Inject(HOMEWARD_CONFIG) private readonly config: HomewardConfig,
    @Inject(LOCAL_USERS) private readonly users: readonly LocalUser[],
  ) {}

  /** How people sign in here: local users, the identity provider, or (misconfigured) neither. */
  @Get('sign-in-options')
  @Public()
  @ApiOkResponse({ type: SignInOptions })
  options(): SignInOptions {
    const auth = this.config.auth;
    return {
      local: auth.kind === 'shared-key' && auth.usingDevelopmentKey,
      identityProvider:
        auth.kind === 'jwks' && auth.signIn
          ? { issuer: auth.issuer, clientId: auth.signIn.clientId, scope: auth.signIn.scope }
          : null,
    };
  }

  /** The local users to sign in as (development key only). */
  @Get('users')
  @Public()
  @ApiOkResponse({ type: ConsoleLocalUser, isArray: true })
  @NotFoundAnswer('local sign-in is off: tokens are not verified with the development key')
  list(): LocalUser[] {
    this.localSignInOn();
    return this.users.map((user) => ({ ...user }));
  }

  /** Signs in as a local user (development key only): a token for `Authorization: Bearer`. */
  @Post()
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: ConsoleSession })
  @BadInputAnswer('no `userId`, or not a local user’s')
  @NotFoundAnswer('local sign-in is off: tokens are not verified with the development key')
  async signIn(@Body() body: SignInDto): Promise<Session> {
    const secret = this.localSignInOn();
    const user = this.users.find((u) => u.id === body.userId);
    if (!user) {
      throw new RequestValidationFailed([
        { field: 'userId', message: 'is not a local user (GET /api/v1/session/users lists them)' },
      ]);
    }
    const auth = this.config.auth;
    const lifetime = Math.min(
      LOCAL_SESSION_SECONDS,
      auth.maxLifetimeSeconds ?? MAX_TOKEN_LIFETIME_SECONDS,
    );
    const now = Math.floor(Date.now() / 1000);
    const jwt = new SignJWT({
      roles: user.roles,
      organisation: user.organisation,
      localAuthorities: user.localAuthorities,
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(user.id)
      .setIssuedAt(now)
      .setExpirationTime(now + lifetime);
    if (auth.kind === 'shared-key' && auth.issuer) jwt.setIssuer(auth.issuer);
    if (auth.kind === 'shared-key' && auth.audience) jwt.setAudience(auth.audience);
    const token = await jwt.sign(new TextEncoder().encode(secret));
    return { token, user: { ...user } };
  }

  /** The caller, from the verified token. */
  @Get('me')
  @Access('GET /api/v1/session/me')
  @ApiOkResponse({ type: SessionCaller })
  me(@CurrentCaller() caller: Caller): Me {
    return {
      sub: caller.sub,
      roles: [...caller.roles],
      organisation: caller.organisation,
      localAuthorities: [...caller.localAuthorities],
      everyAuthority: caller.everyAuthority,
    };
  }

  /** The development key, or 404 when tokens are verified any other way. */
  private localSignInOn(): string {
    const auth = this.config.auth;
    if (auth.kind !== 'shared-key' || !auth.usingDevelopmentKey) {
      throw new NotFoundException(LOCAL_SIGN_IN_OFF);
    }
    return auth.secret;
  }
}
