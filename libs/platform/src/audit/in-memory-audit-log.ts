import { AuditChainWalker, auditFieldsOf, chainedEntry } from './audit-chain';
import type {
  AuditEntry,
  AuditEntryInput,
  AuditFilter,
  AuditLog,
  AuditPage,
  AuditVerification,
} from './audit-log';

/** The audit log in memory, for unit tests: the same numbering, chain and verification. */
export class InMemoryAuditLog implements AuditLog {
  /** The stored entries; a test may tamper with them to see `verify` find it. */
  readonly entries: AuditEntry[] = [];

  async record(input: AuditEntryInput, at: Date = new Date()): Promise<AuditEntry> {
    const last = this.entries[this.entries.length - 1] ?? null;
    const entry = chainedEntry(auditFieldsOf(input), at, last);
    this.entries.push(entry);
    return copy(entry);
  }

  async list(filter: AuditFilter, page: { after?: number; limit: number }): Promise<AuditPage> {
    const from = filter.from === undefined ? null : Date.parse(filter.from);
    const to = filter.to === undefined ? null : Date.parse(filter.to);
    const matching = this.entries.filter(
      (e) =>
        e.seq > (page.after ?? 0) &&
        (filter.childId === undefined || e.childIds.includes(filter.childId)) &&
        (filter.sub === undefined || e.sub === filter.sub) &&
        (from === null || Date.parse(e.at) >= from) &&
        (to === null || Date.parse(e.at) < to),
    );
    const entries = matching.slice(0, page.limit).map(copy);
    return {
      entries,
      next: matching.length > page.limit ? entries[entries.length - 1].seq : null,
    };
  }

  async verify(): Promise<AuditVerification> {
    const walker = new AuditChainWalker();
    for (const entry of [...this.entries].sort((a, b) => a.seq - b.seq)) {
      if (!walker.check(entry)) break;
    }
    return walker.result();
  }
}

const copy = (entry: AuditEntry): AuditEntry => ({
  ...entry,
  roles: [...entry.roles],
  childIds: [...entry.childIds],
});
