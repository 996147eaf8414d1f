import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { SQL_DATABASE, migrate, type SqlDatabase, type SqlExecutor } from '@homeward/event-store';
import { AuditChainWalker, auditFieldsOf, chainedEntry } from './audit-chain';
import type {
  AuditEntry,
  AuditEntryInput,
  AuditFilter,
  AuditLog,
  AuditPage,
  AuditVerification,
} from './audit-log';
import { AUDIT_MIGRATIONS } from './audit.migrations';

/** Every writer of every process takes this lock before reading the chain's last entry. */
const CHAIN_LOCK = `SELECT pg_advisory_xact_lock(hashtext('homeward.audit'))`;

const COLUMNS = `seq, at, kind, sub, roles, organisation, route, child_ids, purpose, records, status,
  result, reason, request_id, previous_hash, hash`;

/**
 * The audit log in the SQL database (PGlite or PostgreSQL), table hw_audit. `record` appends
 * in one transaction under an advisory lock, so writers in several processes extend one chain:
 * the last entry is read after the lock is held, and the new one numbered and hashed from it.
 * The table refuses UPDATE, DELETE and TRUNCATE (a trigger); `verify` finds what someone able
 * to get past that changed or removed.
 */
@Injectable()
export class SqlAuditLog implements AuditLog, OnModuleInit {
  /** How many entries `verify` reads at a time. */
  verifyPageSize = 1000;

  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  /** Migrated, for use outside Nest (the CLI, tests). */
  static async create(db: SqlDatabase): Promise<SqlAuditLog> {
    const log = new SqlAuditLog(db);
    await log.onModuleInit();
    return log;
  }

  async onModuleInit(): Promise<void> {
    await migrate(this.db, [AUDIT_MIGRATIONS]);
  }

  async record(input: AuditEntryInput, at: Date = new Date()): Promise<AuditEntry> {
    const fields = auditFieldsOf(input);
    return this.db.transaction(async (tx) => {
      await tx.query(CHAIN_LOCK);
      const [last] = await tx.query<{ seq: number | string; hash: string }>(
        `SELECT seq, hash FROM hw_audit ORDER BY seq DESC LIMIT 1`,
      );
      const entry = chainedEntry(
        fields,
        at,
        last ? { seq: Number(last.seq), hash: last.hash } : null,
      );
      await tx.query(
        `INSERT INTO hw_audit (${COLUMNS})
         VALUES ($1, $2, $3, $4, $5::text[], $6, $7, $8::text[], $9, $10, $11, $12, $13, $14, $15, $16)`,
        [
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
          entry.reason,
          entry.requestId,
          entry.previousHash,
          entry.hash,
        ],
      );
      return entry;
    });
  }

  async list(filter: AuditFilter, page: { after?: number; limit: number }): Promise<AuditPage> {
    const where = ['seq > $1'];
    const params: unknown[] = [page.after ?? 0];
    const add = (condition: (n: string) => string, value: unknown) => {
      params.push(value);
      where.push(condition(`$${params.length}`));
    };
    if (filter.childId !== undefined)
      add((n) => `child_ids @> ARRAY[${n}]::text[]`, filter.childId);
    if (filter.sub !== undefined) add((n) => `sub = ${n}`, filter.sub);
    if (filter.from !== undefined) add((n) => `at >= ${n}`, new Date(filter.from).toISOString());
    if (filter.to !== undefined) add((n) => `at < ${n}`, new Date(filter.to).toISOString());
    params.push(page.limit + 1);
    const rows = await this.db.query<AuditRow>(
      `SELECT ${COLUMNS} FROM hw_audit WHERE ${where.join(' AND ')}
       ORDER BY seq LIMIT $${params.length}`,
      params,
    );
    const entries = rows.slice(0, page.limit).map(toEntry);
    return {
      entries,
      next: rows.length > page.limit ? entries[entries.length - 1].seq : null,
    };
  }

  /** The whole chain, a page at a time: never all of it in memory. */
  async verify(): Promise<AuditVerification> {
    return verifyPages(this.db, this.verifyPageSize);
  }
}

async function verifyPages(db: SqlExecutor, size: number): Promise<AuditVerification> {
  const walker = new AuditChainWalker();
  for (let after = 0; ;) {
    const rows = await db.query<AuditRow>(
      `SELECT ${COLUMNS} FROM hw_audit WHERE seq > $1 ORDER BY seq LIMIT $2`,
      [after, size],
    );
    for (const row of rows) {
      if (!walker.check(toEntry(row))) return walker.result();
    }
    if (rows.length < size) return walker.result();
    after = Number(rows[rows.length - 1].seq);
  }
}

type AuditRow = {
  seq: number | string;
  at: Date | string;
  kind: AuditEntry['kind'];
  sub: string;
  roles: AuditEntry['roles'];
  organisation: string | null;
  route: string;
  child_ids: string[];
  purpose: string | null;
  records: number;
  status: number;
  result: string;
  reason: string | null;
  request_id: string | null;
  previous_hash: string;
  hash: string;
};

const toEntry = (row: AuditRow): AuditEntry => ({
  seq: Number(row.seq),
  at: new Date(row.at).toISOString(),
  kind: row.kind,
  sub: row.sub,
  roles: row.roles,
  organisation: row.organisation,
  route: row.route,
  childIds: row.child_ids,
  purpose: row.purpose,
  records: Number(row.records),
  status: Number(row.status),
  result: row.result,
  reason: row.reason,
  requestId: row.request_id,
  previousHash: row.previous_hash,
  hash: row.hash,
});
