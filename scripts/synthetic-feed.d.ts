/** Types for synthetic-feed.js (a plain script, so `npm run demo:seed` needs no build). */
export interface SyntheticNotification {
  notificationId: string;
  type: 'MISSING_REPORTED' | 'CHILD_FOUND';
  force: string;
  policeReference: string;
  occurredAt: string;
  classification?: 'MISSING' | 'ABSENT';
  riskLevel?: string;
  cseConcern?: boolean;
  child?: {
    policePersonId: string;
    dateOfBirth: string;
    responsibleLocalAuthority: string;
    lookedAfter: boolean;
    [field: string]: unknown;
  };
  returnedAt?: string;
  [field: string]: unknown;
}

export interface SyntheticFeed {
  /** Each child's notifications in the order they happened. */
  children: SyntheticNotification[][];
  /** Every notification in the order a force would send them. */
  notifications: SyntheticNotification[];
}

export function syntheticFeed(options?: {
  seed?: number;
  children?: number;
  days?: number;
  now?: number;
  force?: string;
}): SyntheticFeed;
