import type { Caller } from './roles';

/**
 * Turns a bearer token into the verified caller, or throws UnauthorizedException with a plain
 * message that names no person and echoes no library error. The JWT guard is its only user.
 */
export interface TokenVerifier {
  verify(token: string): Promise<Caller>;
}

export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');
