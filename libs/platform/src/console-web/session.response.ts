import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Caller, type Role } from '../auth/roles';
import type { IsTrue, SameShape } from '../http/documents';
import type { LocalUser } from './local-users';

/** A person the local sign-in offers (development key only). */
export class ConsoleLocalUser {
  /** Becomes the token's `sub`. */
  id!: string;
  name!: string;
  @ApiProperty({ enum: ROLES, isArray: true })
  roles!: Role[];
  organisation!: string;
  /** The local authorities the person works for; empty for none. */
  localAuthorities!: string[];
}
export type ConsoleLocalUserDocumented = IsTrue<SameShape<LocalUser, ConsoleLocalUser>>;

/** A signed-in local user: send `token` as `Authorization: Bearer <token>`. */
export class ConsoleSession {
  /** HS256 JWT signed with the development key, valid for 8 hours (less if AUTH_MAX_TOKEN_LIFETIME is shorter). */
  token!: string;
  user!: ConsoleLocalUser;
}
export interface Session {
  token: string;
  user: LocalUser;
}
export type ConsoleSessionDocumented = IsTrue<SameShape<Session, ConsoleSession>>;

/** Who the verified token says the caller is: the console shows it on every page. */
export class SessionCaller {
  sub!: string;
  /** Only Homeward's own roles: others in the token are ignored. */
  @ApiProperty({ enum: ROLES, isArray: true })
  roles!: Role[];
  organisation!: string | null;
  /** Empty for none, or when `everyAuthority` is true. */
  localAuthorities!: string[];
  /** True only for a development token covering every local authority (`localAuthorities: ["*"]`). */
  everyAuthority!: boolean;
}
export type Me = Pick<Caller, 'sub' | 'roles' | 'organisation' | 'everyAuthority'> & {
  localAuthorities: string[];
};
export type SessionCallerDocumented = IsTrue<SameShape<Me, SessionCaller>>;

/** The identity provider the console sends people to: an OpenID Connect issuer and client. */
export class IdentityProviderOption {
  /** The issuer's URL: its discovery document is at `/.well-known/openid-configuration`. */
  issuer!: string;
  /** The console's client id there (a public client: authorization code with PKCE). */
  clientId!: string;
  /** The scopes asked for, space-separated. */
  scope!: string;
}

/** How people sign in to the console on this server. */
export class SignInOptions {
  /** Local users may be picked (the development key only: GET /api/v1/session/users). */
  local!: boolean;
  /** Sign-in at the identity provider; null when none is configured. */
  @ApiProperty({ type: () => IdentityProviderOption, nullable: true })
  identityProvider!: IdentityProviderOption | null;
}
