import { migrationsConformance } from '../testing/migrations.conformance';
import { PgliteDatabase } from './pglite-database';

/** The migration runner on PGlite: one connection, so no concurrent starters. */
describe('migrations on PGlite', () => {
  let db: PgliteDatabase;
  beforeAll(async () => {
    db = await PgliteDatabase.open();
  }, 30_000);
  afterAll(() => db.close());

  migrationsConformance({ db: () => db, fresh: () => PgliteDatabase.open() });
});
