import { SetMetadata } from '@nestjs/common';

export const ROLES = [
  'police-system',
  'ri-coordinator',
  'ri-worker',
  'safeguarding-manager',
  'social-care',
  'cmog-member',
  'cmog-chair',
] as const;
export type Role = (typeof ROLES)[number];

const KNOWN_ROLES: ReadonlySet<string> = new Set(ROLES);
export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && KNOWN_ROLES.has(value);

export const ROLES_KEY = 'homeward:roles';
export const PUBLIC_KEY = 'homeward:public';

/** The roles allowed to call a route; a token with none of them gets 403. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Open routes (health); everything else under /api needs a token. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

export interface Caller {
  sub: string;
  /** Only Homeward's own roles: others in the token are ignored. */
  roles: Role[];
}
