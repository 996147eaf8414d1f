import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '../auth/roles';
import type { IsTrue, SameShape } from '../http/documents';
import { AUDIT_KINDS } from './audit-chain';
import type {
  AuditEntry as AuditEntryModel,
  AuditKind,
  AuditPage as AuditPageModel,
} from './audit-log';

/** One read or disclosure of child-level data, numbered and chained to the entry before it. */
export class AuditEntry implements AuditEntryModel {
  /** The entry's number: 1, 2, 3... with no gaps. */
  seq!: number;
  /** When it was recorded (ISO 8601, UTC). */
  at!: string;
  @ApiProperty({ enum: AUDIT_KINDS })
  kind!: AuditKind;
  /** Who: the verified caller, or `homeward` for a system disclosure. */
  sub!: string;
  @ApiProperty({ enum: ROLES, isArray: true })
  roles!: Role[];
  organisation!: string | null;
  /** The route template (e.g. `GET /api/v1/children/:childId/timeline`) or the channel. */
  route!: string;
  /** The children whose records were read or disclosed. */
  childIds!: string[];
  /** The stated purpose; null only for system disclosures. */
  purpose!: string | null;
  /** How many records were returned or disclosed. */
  records!: number;
  /** The HTTP status answered, or the delivery's outcome code. */
  status!: number;
  /** `ok`, `not-found`, `forbidden`, `bad-request`, `error`, or a delivery outcome. */
  result!: string;
  /** For BREAK_GLASS: the reason given. */
  reason!: string | null;
  requestId!: string | null;
  /** The hash of the entry before (64 zeros for the first). */
  previousHash!: string;
  /** sha256 (hex) of the previous hash and this entry's fields. */
  hash!: string;
}

/** A page of the audit, oldest first. */
export class AuditPage implements AuditPageModel {
  entries!: AuditEntry[];
  /** Pass as `after` for the next page; null on the last. */
  next!: number | null;
}

/*
 * The stored entry always has `reason` and `requestId` (null when none): the documented class
 * says so, where the input type leaves them optional.
 */
type StoredEntry = Omit<AuditEntryModel, 'reason' | 'requestId' | 'roles' | 'childIds'> & {
  reason: string | null;
  requestId: string | null;
  roles: Role[];
  childIds: string[];
};
export type AuditEntryDocumented = IsTrue<SameShape<AuditEntry, StoredEntry>>;
export type AuditPageDocumented = IsTrue<
  SameShape<AuditPage, Omit<AuditPageModel, 'entries'> & { entries: StoredEntry[] }>
>;
