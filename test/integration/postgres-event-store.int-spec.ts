import { PostgresDatabase, SqlEventStore } from '@homeward/event-store';
import { eventStoreConformance } from '../../libs/event-store/src/testing/event-store.conformance';
import { freshPostgresDatabase } from '../support/postgres';

let db: PostgresDatabase;
let drop: () => Promise<void>;

eventStoreConformance(
  'PostgreSQL (real server)',
  async () => {
    const fresh = await freshPostgresDatabase();
    drop = fresh.drop;
    db = new PostgresDatabase({ connectionString: fresh.url });
    return SqlEventStore.create(db);
  },
  async () => {
    await db.close();
    await drop();
  },
);
