import { PostgresDatabase } from '@homeward/event-store';
import { SqlAuditLog } from '@homeward/platform';
import { auditLogConformance, readOf } from '../../libs/platform/src/testing/audit-log.conformance';
import { freshPostgresDatabase } from '../support/postgres';

/**
 * The audit log on a real PostgreSQL 15: the conformance suite, with writers on separate pools
 * (as several processes are) appending at once, and the append-only trigger.
 */
describe('audit log on PostgreSQL', () => {
  const drops: Array<() => Promise<void>> = [];
  const pools: PostgresDatabase[] = [];
  const pool = (url: string, max = 4) => {
    const db = new PostgresDatabase({ connectionString: url, max });
    pools.push(db);
    return db;
  };
  afterAll(async () => {
    for (const db of pools) await db.close();
    for (const drop of drops) await drop();
  });

  /** As the table's owner, who may switch a trigger off. */
  const tamper = (db: PostgresDatabase, statement: string, params: unknown[]) =>
    db.transaction(async (tx) => {
      await tx.query('ALTER TABLE hw_audit DISABLE TRIGGER hw_audit_append_only');
      await tx.query(statement, params);
      await tx.query('ALTER TABLE hw_audit ENABLE TRIGGER hw_audit_append_only');
    });

  auditLogConformance('PostgreSQL', async () => {
    const fresh = await freshPostgresDatabase();
    drops.push(fresh.drop);
    const db = pool(fresh.url);
    return {
      log: await SqlAuditLog.create(db),
      another: () => SqlAuditLog.create(pool(fresh.url, 2)),
      changePurpose: (seq, purpose) =>
        tamper(db, 'UPDATE hw_audit SET purpose = $2 WHERE seq = $1', [seq, purpose]),
      remove: (seq) => tamper(db, 'DELETE FROM hw_audit WHERE seq = $1', [seq]),
    };
  });

  it('refuses UPDATE, DELETE and TRUNCATE, and migrates from several starters at once', async () => {
    const fresh = await freshPostgresDatabase();
    drops.push(fresh.drop);
    const starters = [pool(fresh.url, 1), pool(fresh.url, 1), pool(fresh.url, 1)];
    const [log] = await Promise.all(starters.map((db) => SqlAuditLog.create(db)));
    await log.record(readOf());
    const db = starters[0];
    const [{ version }] = await db.query<{ version: string }>(
      `SELECT current_setting('server_version') AS version`,
    );
    expect(version).toMatch(/^\d+/);
    for (const [operation, statement] of [
      ['UPDATE', `UPDATE hw_audit SET purpose = 'curiosity'`],
      ['DELETE', 'DELETE FROM hw_audit'],
      ['TRUNCATE', 'TRUNCATE hw_audit'],
    ]) {
      await expect(db.query(statement)).rejects.toThrow(
        `hw_audit is append-only: ${operation} refused`,
      );
    }
    expect(await log.verify()).toEqual({ ok: true, checked: 1, firstBroken: null });
  });
});
