import { PgliteDatabase } from '../../sql/pglite-database';
import { eventStoreConformance } from '../../testing/event-store.conformance';
import { SqlEventStore } from './sql-event-store';

let db: PgliteDatabase;

eventStoreConformance(
  'PGlite',
  async () => {
    db = await PgliteDatabase.open();
    return SqlEventStore.create(db);
  },
  () => db.close(),
);
