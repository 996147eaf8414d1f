import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { SqlDatabase, SqlExecutor } from './sql-database.port';

/**
 * One numbered step of a schema. `sql` holds statements separated by `;`. Once released a
 * migration is never edited: its checksum is recorded, and a changed one is refused. Change a
 * schema by adding the next id.
 */
export interface Migration {
  id: number;
  name: string;
  sql: string;
}

/**
 * The migrations of one owner (the event store, the platform's tables, one read model...),
 * recorded under its scope. Each context owns its own sets; a process migrates only the scopes
 * it runs, so the four services of a split deployment never refuse each other's migrations.
 */
export interface MigrationSet {
  scope: string;
  migrations: Migration[];
}

export interface MigrationRecord {
  scope: string;
  id: number;
  name: string;
  checksum: string;
  appliedBy: string;
  appliedAt: string;
}

/** The database and this code disagree about a schema: starting would corrupt something. */
export class MigrationRefused extends Error {
  override readonly name = 'MigrationRefused';
}

const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS hw_migrations (
  scope      text NOT NULL,
  id         int NOT NULL,
  name       text NOT NULL,
  checksum   text NOT NULL,
  applied_by text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scope, id)
)`;

/** Every starter of every service takes this one lock, so two never migrate at once. */
const MIGRATION_LOCK = `SELECT pg_advisory_xact_lock(hashtext('homeward.migrations'))`;

export const checksumOf = (migration: Migration): string =>
  createHash('sha256').update(migration.sql).digest('hex');

export const statementsOf = (sql: string): string[] => sql.split(';').filter((s) => s.trim());

/**
 * Applies what is missing of each set, in id order, in one transaction under an advisory lock
 * (PostgreSQL DDL is transactional: a failing migration leaves nothing half done; PGlite has one
 * connection and the same semantics). Refuses, changing nothing, when the database holds a
 * migration of one of these scopes that this code does not know (a newer Homeward migrated it)
 * or one whose checksum differs from this code's. Returns what it applied.
 */
export async function migrate(
  db: SqlDatabase,
  sets: MigrationSet[],
  appliedBy = homewardVersion(),
): Promise<MigrationRecord[]> {
  return db.transaction(async (tx) => {
    await tx.query(MIGRATION_LOCK);
    return applyMigrations(tx, sets, appliedBy);
  });
}

/** `migrate` inside a transaction the caller holds (and has locked with `lockMigrations`). */
export async function applyMigrations(
  tx: SqlExecutor,
  sets: MigrationSet[],
  appliedBy = homewardVersion(),
): Promise<MigrationRecord[]> {
  await tx.query(MIGRATIONS_TABLE);
  const applied: MigrationRecord[] = [];
  for (const set of sets) {
    const recorded = await recordedMigrations(tx, set.scope);
    const pending = check(set, recorded, appliedBy);
    for (const migration of pending) {
      for (const statement of statementsOf(migration.sql)) await tx.query(statement);
      const [row] = await tx.query<RecordRow>(
        `INSERT INTO hw_migrations (scope, id, name, checksum, applied_by) VALUES ($1, $2, $3, $4, $5)
         RETURNING scope, id, name, checksum, applied_by, applied_at`,
        [set.scope, migration.id, migration.name, checksumOf(migration), appliedBy],
      );
      applied.push(toRecord(row));
    }
  }
  return applied;
}

export const lockMigrations = (tx: SqlExecutor) => tx.query(MIGRATION_LOCK);

/** What the database records, every scope (or one); [] before the first migration. */
export async function recordedMigrations(db: SqlExecutor, scope?: string) {
  const [exists] = await db.query<{ found: boolean }>(
    `SELECT to_regclass('hw_migrations') IS NOT NULL AS found`,
  );
  if (!exists.found) return [];
  const rows = await db.query<RecordRow>(
    `SELECT scope, id, name, checksum, applied_by, applied_at FROM hw_migrations
     ${scope === undefined ? '' : 'WHERE scope = $1'} ORDER BY scope, id`,
    scope === undefined ? [] : [scope],
  );
  return rows.map(toRecord);
}

/** The migrations still to apply, after refusing an unknown or changed one. */
function check(set: MigrationSet, recorded: MigrationRecord[], version: string): Migration[] {
  const known = new Map(set.migrations.map((m) => [m.id, m]));
  const latest = [...known.values()].sort((a, b) => b.id - a.id)[0];
  for (const record of recorded) {
    const migration = known.get(record.id);
    if (!migration) {
      throw new MigrationRefused(
        `the database has migration ${set.scope} #${record.id} "${record.name}", applied by ` +
          `Homeward ${record.appliedBy} at ${record.appliedAt}, which this Homeward ${version} ` +
          `does not know (it knows ${set.scope} up to #${latest?.id ?? 0}` +
          `${latest ? ` "${latest.name}"` : ''}): a newer Homeward migrated this database. ` +
          `Run Homeward ${record.appliedBy} or later against it.`,
      );
    }
    if (checksumOf(migration) !== record.checksum) {
      throw new MigrationRefused(
        `migration ${set.scope} #${record.id} "${record.name}" was applied by Homeward ` +
          `${record.appliedBy} with checksum ${record.checksum}, but this Homeward ${version} ` +
          `has checksum ${checksumOf(migration)} for it: a released migration was edited. ` +
          `Restore it and add the change as a new migration.`,
      );
    }
  }
  const done = new Set(recorded.map((r) => r.id));
  return [...known.values()].filter((m) => !done.has(m.id)).sort((a, b) => a.id - b.id);
}

type RecordRow = {
  scope: string;
  id: number;
  name: string;
  checksum: string;
  applied_by: string;
  applied_at: Date | string;
};

const toRecord = (row: RecordRow): MigrationRecord => ({
  scope: row.scope,
  id: Number(row.id),
  name: row.name,
  checksum: row.checksum,
  appliedBy: row.applied_by,
  appliedAt: new Date(row.applied_at).toISOString(),
});

let version: string | undefined;

/** This code's version, from the package.json above it (source and dist alike). */
export function homewardVersion(): string {
  if (version) return version;
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'homeward') return (version = pkg.version ?? 'unknown');
    }
    if (dirname(dir) === dir) return (version = 'unknown');
  }
}
