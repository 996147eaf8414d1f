import { createHash } from 'node:crypto';
import type { AuditEntry, AuditEntryInput, AuditKind, AuditVerification } from './audit-log';

/** The previous hash of entry 1. */
export const GENESIS_HASH = '0'.repeat(64);

export const AUDIT_KINDS: readonly AuditKind[] = ['READ', 'DISCLOSURE', 'BREAK_GLASS'];

/** An entry's fields before it is numbered and chained, normalised the way they are stored. */
export type AuditFields = Omit<AuditEntry, 'seq' | 'at' | 'previousHash' | 'hash'> & {
  reason: string | null;
  requestId: string | null;
};

/**
 * What the store keeps of an input: child ids deduplicated (first occurrence kept), absent
 * reason and request id as null. Refuses what the columns cannot hold, so an adapter never
 * chains an entry it then fails to store.
 */
export function auditFieldsOf(input: AuditEntryInput): AuditFields {
  if (!AUDIT_KINDS.includes(input.kind)) {
    throw new Error(`audit entry: kind must be one of ${AUDIT_KINDS.join(', ')}`);
  }
  for (const [name, value] of [
    ['records', input.records],
    ['status', input.status],
  ] as const) {
    if (!Number.isInteger(value) || value < 0 || value > 2_147_483_647) {
      throw new Error(`audit entry: ${name} must be a whole number, 0 or more`);
    }
  }
  if (typeof input.sub !== 'string' || input.sub === '') {
    throw new Error('audit entry: sub is required');
  }
  return {
    kind: input.kind,
    sub: input.sub,
    roles: [...input.roles],
    organisation: input.organisation ?? null,
    route: input.route,
    childIds: [...new Set(input.childIds)],
    purpose: input.purpose ?? null,
    records: input.records,
    status: input.status,
    result: input.result,
    reason: input.reason ?? null,
    requestId: input.requestId ?? null,
  };
}

/**
 * The canonical serialisation an entry's hash covers: every field but the hashes, in this fixed
 * order, as JSON (unambiguous: strings are quoted and escaped, nulls and arrays explicit).
 * Never change it: every stored hash depends on it.
 */
export function canonicalAuditEntry(entry: Omit<AuditEntry, 'previousHash' | 'hash'>): string {
  return JSON.stringify([
    entry.seq,
    entry.at,
    entry.kind,
    entry.sub,
    entry.roles,
    entry.organisation,
    entry.route,
    entry.childIds,
    entry.purpose,
    entry.records,
    entry.status,
    entry.result,
    entry.reason ?? null,
    entry.requestId ?? null,
  ]);
}

/** sha256, hex, of the previous entry's hash followed by this entry's canonical form. */
export function auditHash(previousHash: string, entry: Omit<AuditEntry, 'previousHash' | 'hash'>) {
  return createHash('sha256')
    .update(previousHash + canonicalAuditEntry(entry))
    .digest('hex');
}

/** Numbers and chains an entry after `last` (null for the first). */
export function chainedEntry(
  fields: AuditFields,
  at: Date,
  last: { seq: number; hash: string } | null,
): AuditEntry {
  const unchained = { seq: (last?.seq ?? 0) + 1, at: at.toISOString(), ...fields };
  const previousHash = last?.hash ?? GENESIS_HASH;
  return { ...unchained, previousHash, hash: auditHash(previousHash, unchained) };
}

/**
 * Walks a chain in seq order, one entry at a time (so a store can feed it page by page), and
 * stops at the first entry that is missing, changed or unlinked:
 *
 * - a gap in seq: entries were removed (reported at the first missing seq);
 * - a previous hash that is not the hash of the entry before: the entry before was removed
 *   (and the rest renumbered) or rewritten with a recomputed hash;
 * - a hash that is not the hash of the entry's own fields: the entry was changed.
 */
export class AuditChainWalker {
  private checked = 0;
  private last: { seq: number; hash: string } | null = null;
  private broken: AuditVerification['firstBroken'] = null;

  /** False once the chain is broken: stop feeding it. */
  check(entry: AuditEntry): boolean {
    if (this.broken) return false;
    const expectedSeq = (this.last?.seq ?? 0) + 1;
    const expectedPrevious = this.last?.hash ?? GENESIS_HASH;
    if (entry.seq !== expectedSeq) {
      const missing =
        entry.seq - 1 === expectedSeq
          ? `entry ${expectedSeq} is missing`
          : `entries ${expectedSeq} to ${entry.seq - 1} are missing`;
      this.broken = {
        seq: expectedSeq,
        problem:
          entry.seq > expectedSeq
            ? `${missing} (a gap in seq before entry ${entry.seq}): removed`
            : `entry ${entry.seq} comes after entry ${expectedSeq - 1}: seq out of order`,
      };
    } else if (entry.previousHash !== expectedPrevious) {
      this.broken = {
        seq: entry.seq,
        problem:
          this.last === null
            ? 'broken link: the first entry does not start from the genesis hash (entries before it removed?)'
            : `broken link: its previous hash is not entry ${this.last.seq}'s hash ` +
              '(an entry between them removed, or the one before rewritten)',
      };
    } else if (entry.hash !== auditHash(entry.previousHash, entry)) {
      this.broken = {
        seq: entry.seq,
        problem: 'changed: its fields do not match its hash',
      };
    } else {
      this.checked += 1;
      this.last = { seq: entry.seq, hash: entry.hash };
      return true;
    }
    return false;
  }

  result(): AuditVerification {
    return { ok: this.broken === null, checked: this.checked, firstBroken: this.broken };
  }
}
