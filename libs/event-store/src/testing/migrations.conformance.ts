import { randomUUID } from 'node:crypto';
import { EVENT_STORE_MIGRATIONS, EVENT_STORE_SCHEMA } from '../adapters/sql/schema';
import {
  MigrationRefused,
  migrate,
  recordedMigrations,
  type Migration,
  type MigrationSet,
} from '../sql/migrations';
import type { SqlDatabase } from '../sql/sql-database.port';

export interface MigrationsTarget {
  /** The database under test, shared by the suite (each test uses its own scope and tables). */
  db: () => SqlDatabase;
  /** Extra connections to the same database, for concurrent starters; absent for PGlite. */
  openAnother?: () => Promise<SqlDatabase>;
  /** A database no Homeward ever touched, for adopting a pre-migrations schema. */
  fresh: () => Promise<SqlDatabase>;
}

const unique = () => randomUUID().replace(/-/g, '').slice(0, 10);

/** Two numbered migrations of a scope of its own, over a table of its own. */
function sample(): { set: (upTo: number) => MigrationSet; table: string; steps: Migration[] } {
  const scope = `test.${unique()}`;
  const table = `t_${unique()}`;
  const steps: Migration[] = [
    { id: 1, name: 'create', sql: `CREATE TABLE ${table} (id int PRIMARY KEY)` },
    { id: 2, name: 'add note', sql: `ALTER TABLE ${table} ADD COLUMN note text` },
    { id: 3, name: 'index note', sql: `CREATE INDEX ${table}_note ON ${table} (note)` },
  ];
  return { set: (upTo) => ({ scope, migrations: steps.slice(0, upTo) }), table, steps };
}

const columnsOf = async (db: SqlDatabase, table: string) =>
  (
    await db.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_name = $1 ORDER BY column_name`,
      [table],
    )
  ).map((r) => r.column_name);

/** The migration runner's contract, run on PGlite (npm test) and PostgreSQL (integration). */
export function migrationsConformance(target: MigrationsTarget): void {
  it('migrates a fresh database in order and records each migration with its checksum', async () => {
    const { set, table } = sample();
    const applied = await migrate(target.db(), [set(3)], '9.9.9');
    expect(applied.map((m) => m.id)).toEqual([1, 2, 3]);
    expect(await columnsOf(target.db(), table)).toEqual(['id', 'note']);
    const recorded = await recordedMigrations(target.db(), set(3).scope);
    expect(recorded.map((r) => [r.id, r.name, r.appliedBy])).toEqual([
      [1, 'create', '9.9.9'],
      [2, 'add note', '9.9.9'],
      [3, 'index note', '9.9.9'],
    ]);
    expect(recorded.every((r) => /^[0-9a-f]{64}$/.test(r.checksum))).toBe(true);
    expect(await migrate(target.db(), [set(3)])).toEqual([]);
  });

  it('upgrades a database an older version migrated: only the newer migrations run', async () => {
    const { set, table } = sample();
    await migrate(target.db(), [set(1)], '0.1.0');
    await target.db().query(`INSERT INTO ${table} (id) VALUES (7)`);
    const applied = await migrate(target.db(), [set(3)], '0.2.0');
    expect(applied.map((m) => [m.id, m.appliedBy])).toEqual([
      [2, '0.2.0'],
      [3, '0.2.0'],
    ]);
    expect(await target.db().query(`SELECT id, note FROM ${table}`)).toEqual([
      { id: 7, note: null },
    ]);
  });

  it('refuses to start an older version on a database a newer one migrated, naming both', async () => {
    const { set } = sample();
    await migrate(target.db(), [set(3)], '0.3.0');
    const refusal = migrate(target.db(), [set(2)], '0.2.0');
    await expect(refusal).rejects.toThrow(MigrationRefused);
    await expect(migrate(target.db(), [set(2)], '0.2.0')).rejects.toThrow(
      new RegExp(
        `migration ${set(3).scope.replace('.', '\\.')} #3 "index note", applied by Homeward 0\\.3\\.0` +
          `.*this Homeward 0\\.2\\.0 does not know \\(it knows .* up to #2 "add note"\\)`,
      ),
    );
  });

  it('refuses a migration whose checksum changed after it was applied, and applies nothing', async () => {
    const { set, table, steps } = sample();
    await migrate(target.db(), [set(1)], '0.1.0');
    const edited: MigrationSet = {
      scope: set(1).scope,
      migrations: [{ ...steps[0], sql: `${steps[0].sql} -- edited` }, steps[1]],
    };
    await expect(migrate(target.db(), [edited], '0.2.0')).rejects.toThrow(
      /#1 "create" was applied by Homeward 0\.1\.0 with checksum [0-9a-f]{64}, but this Homeward 0\.2\.0 has checksum/,
    );
    expect(await columnsOf(target.db(), table)).toEqual(['id']);
  });

  it('applies nothing of a run in which one migration fails', async () => {
    const { set, table } = sample();
    const failing: MigrationSet = {
      scope: set(1).scope,
      migrations: [
        ...set(1).migrations,
        { id: 2, name: 'broken', sql: 'ALTER TABLE nowhere ADD x int' },
      ],
    };
    await expect(migrate(target.db(), [failing])).rejects.toThrow();
    expect(await columnsOf(target.db(), table)).toEqual([]);
    expect(await recordedMigrations(target.db(), set(1).scope)).toEqual([]);
  });

  it('adopts a database created before migrations existed, keeping its rows', async () => {
    const legacy = await target.fresh();
    try {
      // What the event store's start-up ran before numbered migrations.
      for (const statement of EVENT_STORE_SCHEMA.split(';').filter((s) => s.trim())) {
        await legacy.query(statement);
      }
      await legacy.query(
        `INSERT INTO hw_events (event_id, stream_name, stream_version, event_type, data)
         VALUES ($1, 's-1', 1, 'Old', '{}')`,
        [randomUUID()],
      );
      const applied = await migrate(legacy, [EVENT_STORE_MIGRATIONS]);
      expect(applied.map((m) => `${m.scope}#${m.id}`)).toEqual(['event-store#1']);
      expect(await legacy.query('SELECT event_type FROM hw_events')).toEqual([
        { event_type: 'Old' },
      ]);
    } finally {
      await legacy.close();
    }
  });

  if (target.openAnother) {
    const openAnother = target.openAnother;
    it('lets concurrent starters race: each migration is applied once, nobody fails', async () => {
      const { set, table } = sample();
      const starters = await Promise.all(Array.from({ length: 6 }, () => openAnother()));
      try {
        const results = await Promise.all(starters.map((db) => migrate(db, [set(3)])));
        expect(
          results
            .flat()
            .map((m) => m.id)
            .sort(),
        ).toEqual([1, 2, 3]);
        expect(await columnsOf(target.db(), table)).toEqual(['id', 'note']);
        expect(await recordedMigrations(target.db(), set(3).scope)).toHaveLength(3);
      } finally {
        await Promise.all(starters.map((db) => db.close()));
      }
    });
  }
}
