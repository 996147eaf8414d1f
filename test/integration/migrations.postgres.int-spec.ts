import { PostgresDatabase } from '@homeward/event-store';
import { migrationsConformance } from '../../libs/event-store/src/testing/migrations.conformance';
import { freshPostgresDatabase } from '../support/postgres';

/** The migration runner on a real PostgreSQL, concurrent starters included. */
describe('migrations on PostgreSQL', () => {
  let db: PostgresDatabase;
  const drops: Array<() => Promise<void>> = [];
  let url: string;

  beforeAll(async () => {
    const fresh = await freshPostgresDatabase();
    drops.push(fresh.drop);
    url = fresh.url;
    db = new PostgresDatabase({ connectionString: url });
  });
  afterAll(async () => {
    await db?.close();
    for (const drop of drops) await drop();
  });

  migrationsConformance({
    db: () => db,
    openAnother: async () => new PostgresDatabase({ connectionString: url, max: 1 }),
    fresh: async () => {
      const other = await freshPostgresDatabase();
      drops.push(other.drop);
      return new PostgresDatabase({ connectionString: other.url });
    },
  });
});
