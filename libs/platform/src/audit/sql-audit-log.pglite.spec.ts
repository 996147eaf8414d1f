import { PgliteDatabase, type SqlDatabase } from '@homeward/event-store';
import { SqlAuditLog } from './sql-audit-log';
import { auditLogConformance, readOf } from '../testing/audit-log.conformance';

/** Behind the trigger's back, as a superuser (or the table's owner) could. */
export async function tamperWith(db: SqlDatabase, statement: string, params: unknown[]) {
  await db.transaction(async (tx) => {
    await tx.query('ALTER TABLE hw_audit DISABLE TRIGGER hw_audit_append_only');
    await tx.query(statement, params);
    await tx.query('ALTER TABLE hw_audit ENABLE TRIGGER hw_audit_append_only');
  });
}

/** Drops the audit table and its migration record: the next SqlAuditLog.create makes it anew. */
export async function dropAudit(db: SqlDatabase): Promise<void> {
  await db.query('DROP TABLE IF EXISTS hw_audit');
  await db.query('DROP FUNCTION IF EXISTS hw_audit_refuse_change()');
  const [{ found }] = await db.query<{ found: boolean }>(
    `SELECT to_regclass('hw_migrations') IS NOT NULL AS found`,
  );
  if (found) await db.query(`DELETE FROM hw_migrations WHERE scope = 'platform.audit'`);
}

// One PGlite for the file (a cold start takes seconds), a new table for each test.
let shared: PgliteDatabase | undefined;
afterAll(() => shared?.close());

auditLogConformance('PGlite', async () => {
  const db = (shared ??= await PgliteDatabase.open());
  await dropAudit(db);
  return {
    log: await SqlAuditLog.create(db),
    changePurpose: (seq, purpose) =>
      tamperWith(db, 'UPDATE hw_audit SET purpose = $2 WHERE seq = $1', [seq, purpose]),
    remove: (seq) => tamperWith(db, 'DELETE FROM hw_audit WHERE seq = $1', [seq]),
  };
});

describe('hw_audit on PGlite', () => {
  let db: PgliteDatabase;
  let log: SqlAuditLog;
  beforeAll(async () => {
    db = shared ??= await PgliteDatabase.open();
    await dropAudit(db);
    log = await SqlAuditLog.create(db);
    for (let i = 0; i < 7; i++) await log.record(readOf({ records: i }));
  });

  it.each([
    ['UPDATE', `UPDATE hw_audit SET purpose = 'curiosity' WHERE seq = 2`],
    ['DELETE', 'DELETE FROM hw_audit WHERE seq = 2'],
    ['TRUNCATE', 'TRUNCATE hw_audit'],
  ])('refuses %s at the database', async (operation, statement) => {
    await expect(db.query(statement)).rejects.toThrow(
      `hw_audit is append-only: ${operation} refused`,
    );
    expect((await log.list({}, { limit: 100 })).entries).toHaveLength(7);
  });

  it('verifies a page at a time, across page ends', async () => {
    log.verifyPageSize = 2;
    try {
      expect(await log.verify()).toEqual({ ok: true, checked: 7, firstBroken: null });
      await tamperWith(db, 'DELETE FROM hw_audit WHERE seq = 5', []);
      expect(await log.verify()).toMatchObject({ ok: false, checked: 4, firstBroken: { seq: 5 } });
    } finally {
      log.verifyPageSize = 1000;
    }
  });

  it('migrates once: a second start changes nothing', async () => {
    await SqlAuditLog.create(db);
    const [{ count }] = await db.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM hw_migrations WHERE scope = 'platform.audit'`,
    );
    expect(count).toBe(1);
  });
});
