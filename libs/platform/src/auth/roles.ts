import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';

export const ROLES = [
  'police-system',
  'ri-coordinator',
  'ri-worker',
  'safeguarding-manager',
  'social-care',
  'cmog-member',
  'cmog-chair',
  'auditor',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

const KNOWN_ROLES: ReadonlySet<string> = new Set(ROLES);
export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && KNOWN_ROLES.has(value);

export const PUBLIC_KEY = 'homeward:public';

/** Open routes (health); everything else under /api needs a token. */
export const Public = () =>
  applyDecorators(
    SetMetadata(PUBLIC_KEY, true),
    ApiOperation({ description: 'Public: no token needed.' }, { overrideExisting: false }),
  );

export interface Caller {
  sub: string;
  /** Only Homeward's own roles: others in the token are ignored. */
  roles: Role[];
  /** The caller's organisation (e.g. Streetwise), from the `organisation` claim; null if none. */
  organisation: string | null;
  /** The local authorities staff work for (`localAuthorities` claim); empty for none. */
  localAuthorities: readonly string[];
  /**
   * True only for a development token minted without `--la` (claim `localAuthorities: ["*"]`),
   * which the token verifier accepts only with the public development key.
   */
  everyAuthority: boolean;
  /** The police force a police system sends for (`force` claim); null for staff. */
  force: string | null;
  /** True only for a development token minted without `--force` (claim `force: "*"`). */
  everyForce: boolean;
}

/** The wildcard a development token uses for "every authority" or "every force". */
export const EVERY = '*';
