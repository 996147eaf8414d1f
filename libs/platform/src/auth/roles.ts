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

export const ROLES_KEY = 'homeward:roles';
export const PUBLIC_KEY = 'homeward:public';

/** The roles allowed to call a route; a token with none of them gets 403. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Open routes (health); everything else under /api needs a token. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

export interface Caller {
  sub: string;
  roles: string[];
}
