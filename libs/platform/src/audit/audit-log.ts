import type { Role } from '../auth/roles';

/** What an audit entry says happened: a read of child-level data, a disclosure, a break-glass. */
export type AuditKind = 'READ' | 'DISCLOSURE' | 'BREAK_GLASS';

/** One look at (or disclosure of) child-level data, as the access policy saw it. */
export interface AuditEntryInput {
  kind: AuditKind;
  /** Who: the verified caller (or the system, `homeward`, for deliveries). */
  sub: string;
  roles: readonly Role[];
  organisation: string | null;
  /** The route template (e.g. `GET /api/v1/children/:childId/timeline`) or the channel. */
  route: string;
  /** The children whose records were read or disclosed (deduplicated, may be empty). */
  childIds: readonly string[];
  /** The stated purpose (X-Purpose / `purpose`); null only for system disclosures. */
  purpose: string | null;
  /** How many records were returned or disclosed. */
  records: number;
  /** The HTTP status answered (or the delivery's outcome code). */
  status: number;
  /** `ok`, `not-found`, `forbidden`, `bad-request`, `error`, or a delivery outcome. */
  result: string;
  /** For BREAK_GLASS: the reason the manager gave. */
  reason?: string | null;
  /** The request id, to tie the entry to the logs. */
  requestId?: string | null;
}

/** An entry as stored: numbered, timed, and chained to the one before it. */
export interface AuditEntry extends AuditEntryInput {
  seq: number;
  at: string;
  previousHash: string;
  hash: string;
}

export interface AuditFilter {
  childId?: string;
  sub?: string;
  /** ISO instants, inclusive from, exclusive to. */
  from?: string;
  to?: string;
}

export interface AuditPage {
  entries: AuditEntry[];
  /** Pass as `after` for the next page; null when this is the last. */
  next: number | null;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  /** The first entry whose hash or link does not match; null when the chain holds. */
  firstBroken: { seq: number; problem: string } | null;
}

/**
 * The append-only audit of reads and disclosures, kept apart from the event streams that
 * erasure touches, hash-chained so a changed or removed entry is detectable.
 */
export interface AuditLog {
  record(entry: AuditEntryInput, at?: Date): Promise<AuditEntry>;
  list(filter: AuditFilter, page: { after?: number; limit: number }): Promise<AuditPage>;
  verify(): Promise<AuditVerification>;
}

export const AUDIT_LOG = Symbol('AUDIT_LOG');
