import { Inject, Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import {
  createRemoteJWKSet,
  errors as joseErrors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
  type JWTVerifyOptions,
} from 'jose';
import { HOMEWARD_CONFIG, type AuthConfig, type HomewardConfig } from '../config/homeward-config';
import { MAX_TOKEN_LIFETIME_SECONDS } from '../config/environment';
import { EVERY, isRole, type Caller } from './roles';
import type { TokenVerifier } from './token-verifier';

/** The one answer to every bad token: it names no claim and echoes no library error. */
export const INVALID_TOKEN = 'invalid or expired token';

/** Asymmetric algorithms an identity provider's key set may sign with. */
export const JWKS_ALGORITHMS = ['RS256', 'ES256'];

/** Seconds of clock difference between Homeward and the token's issuer that are forgiven. */
const CLOCK_TOLERANCE_SECONDS = 30;

/** A token that verified but whose claims are not what Homeward takes. */
class BadClaims extends Error {}

/**
 * Verifies bearer JWTs with jose, in one of two modes from configuration:
 * - JWKS (AUTH_JWKS_URL): RS256 or ES256, signed by a key of the identity provider's key set
 *   (fetched and cached by jose, fetched again for an unknown `kid`), with AUTH_ISSUER and
 *   AUTH_AUDIENCE checked;
 * - shared key: HS256 with AUTH_JWT_SECRET, or the public development key (development and test
 *   only, as configuration enforces); issuer and audience checked if configured.
 * In both `exp`, `iat` and `sub` are required, a token may live at most AUTH_MAX_TOKEN_LIFETIME
 * (`exp - iat`, 12 h at most), and `roles` must be a list of strings. Only with the development
 * key may `localAuthorities: ["*"]` or `force: "*"` stand for every authority or force.
 */
@Injectable()
export class JoseTokenVerifier implements TokenVerifier {
  private readonly logger = new Logger('TokenVerifier');
  private readonly key: Uint8Array | JWTVerifyGetKey;
  private readonly options: JWTVerifyOptions;
  private readonly maxLifetime: number;
  private readonly developmentKey: boolean;

  constructor(@Inject(HOMEWARD_CONFIG) config: HomewardConfig) {
    const auth: AuthConfig = config.auth;
    this.maxLifetime = Math.min(
      auth.maxLifetimeSeconds ?? MAX_TOKEN_LIFETIME_SECONDS,
      MAX_TOKEN_LIFETIME_SECONDS,
    );
    const common: JWTVerifyOptions = {
      requiredClaims: ['exp', 'iat', 'sub'],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      // `now - iat`: together with `exp - iat` below, no token is good for longer than allowed.
      maxTokenAge: this.maxLifetime,
    };
    if (auth.kind === 'jwks') {
      this.key = createRemoteJWKSet(new URL(auth.jwksUrl), {
        timeoutDuration: 5_000,
        cooldownDuration: 30_000,
      });
      this.options = {
        ...common,
        algorithms: JWKS_ALGORITHMS,
        issuer: auth.issuer,
        audience: auth.audience,
      };
      this.developmentKey = false;
    } else {
      this.key = new TextEncoder().encode(auth.secret);
      this.options = {
        ...common,
        algorithms: ['HS256'],
        ...(auth.issuer ? { issuer: auth.issuer } : {}),
        ...(auth.audience ? { audience: auth.audience } : {}),
      };
      this.developmentKey = auth.usingDevelopmentKey;
    }
  }

  async verify(token: string): Promise<Caller> {
    try {
      const { payload } =
        typeof this.key === 'function'
          ? await jwtVerify(token, this.key, this.options)
          : await jwtVerify(token, this.key, this.options);
      return this.callerOf(payload);
    } catch (error) {
      this.note(error);
      throw new UnauthorizedException(INVALID_TOKEN);
    }
  }

  private callerOf(claims: JWTPayload): Caller {
    const { sub, iat, exp } = claims;
    if (typeof sub !== 'string' || sub.trim() === '') throw new BadClaims('sub');
    if (typeof iat !== 'number' || typeof exp !== 'number' || exp - iat > this.maxLifetime) {
      throw new BadClaims('lifetime');
    }
    const roles = claims.roles;
    if (!Array.isArray(roles) || !roles.every((r) => typeof r === 'string')) {
      throw new BadClaims('roles');
    }
    const { localAuthorities, everyAuthority } = this.authoritiesOf(claims.localAuthorities);
    const { force, everyForce } = this.forceOf(claims.force);
    return {
      sub,
      // Unknown roles are ignored, so nothing downstream ever looks up a name it does not know.
      roles: [...new Set(roles.filter(isRole))],
      organisation: optionalName(claims.organisation, 'organisation'),
      localAuthorities,
      everyAuthority,
      force,
      everyForce,
    };
  }

  private authoritiesOf(value: unknown): { localAuthorities: string[]; everyAuthority: boolean } {
    // A staff token naming no local authority sees no child.
    if (value === undefined || value === null)
      return { localAuthorities: [], everyAuthority: false };
    if (!Array.isArray(value) || !value.every((la) => typeof la === 'string' && la.trim() !== '')) {
      throw new BadClaims('localAuthorities');
    }
    if (value.includes(EVERY)) {
      if (value.length !== 1 || !this.developmentKey) throw new BadClaims('localAuthorities');
      return { localAuthorities: [], everyAuthority: true };
    }
    return {
      localAuthorities: [...new Set(value.map((la: string) => la.trim()))],
      everyAuthority: false,
    };
  }

  private forceOf(value: unknown): { force: string | null; everyForce: boolean } {
    const force = optionalName(value, 'force');
    if (force !== EVERY) return { force, everyForce: false };
    if (!this.developmentKey) throw new BadClaims('force');
    return { force: null, everyForce: true };
  }

  /** Why a token was refused, for the operator: the claim's name or jose's code, never a value. */
  private note(error: unknown): void {
    if (error instanceof BadClaims) {
      this.logger.debug(`token refused: bad ${error.message} claim`);
    } else if (
      error instanceof joseErrors.JWKSTimeout ||
      error instanceof joseErrors.JWKSInvalid ||
      (error instanceof Error && !(error instanceof joseErrors.JOSEError))
    ) {
      // The key set could not be fetched or read: every token fails until it can.
      this.logger.warn(`token refused: the key set could not be used (${errorName(error)})`);
    } else {
      this.logger.debug(`token refused: ${errorName(error)}`);
    }
  }
}

/** A claim that is absent or null (null), or a non-empty string; anything else is refused. */
function optionalName(value: unknown, claim: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || value.trim() === '') throw new BadClaims(claim);
  return value.trim();
}

const errorName = (error: unknown): string =>
  (error as { code?: string } | null)?.code ?? (error as Error | null)?.name ?? 'error';
