import { mkdirSync } from 'node:fs';
import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import {
  EVENT_STORE,
  KurrentDbEventStore,
  PgliteDatabase,
  PostgresDatabase,
  SQL_DATABASE,
  SqlEventStore,
  type EventStore,
  type SqlDatabase,
} from '@homeward/event-store';
import { HOMEWARD_CONFIG, type HomewardConfig } from '../config/homeward-config';
import { HomewardMetrics } from '../observability/homeward-metrics';
import { meteredEventStore } from '../observability/metered-event-store';

/**
 * Opens the stores chosen by configuration. Read models and checkpoints live in PGlite (./data,
 * the default) or PostgreSQL (DATABASE_URL); the event store is the same database unless
 * EVENT_STORE=kurrentdb. Sharing the database lets a projection's rows and checkpoint commit together.
 * With KurrentDB they cannot (two systems), which is still safe: a checkpoint is a KurrentDB log
 * position stored with the projection's rows in one SQL transaction, so a crash between KurrentDB
 * and the SQL commit redelivers from the checkpoint, and projections are idempotent.
 */
@Global()
@Module({
  providers: [
    {
      provide: SQL_DATABASE,
      inject: [HOMEWARD_CONFIG],
      useFactory: async ({ database }: HomewardConfig): Promise<SqlDatabase> => {
        const logger = new Logger('Database');
        if (database.kind === 'postgres') {
          logger.log('database: PostgreSQL');
          return new PostgresDatabase({ connectionString: database.url });
        }
        mkdirSync(database.dataDir, { recursive: true });
        logger.log(`database: PGlite in ${database.dataDir}`);
        return PgliteDatabase.open(database.dataDir);
      },
    },
    {
      provide: EVENT_STORE,
      inject: [HOMEWARD_CONFIG, SQL_DATABASE, HomewardMetrics],
      useFactory: async (
        { eventStore }: HomewardConfig,
        db: SqlDatabase,
        metrics: HomewardMetrics,
      ): Promise<EventStore> => {
        if (eventStore.kind === 'kurrentdb') {
          new Logger('Database').log('event store: KurrentDB');
          // Fails fast, naming the server (credentials masked), when KurrentDB cannot be read.
          return meteredEventStore(
            await KurrentDbEventStore.connect(eventStore.connectionString),
            metrics,
          );
        }
        // Appends timed and counted here, once, rather than in each adapter.
        return meteredEventStore(await SqlEventStore.create(db), metrics);
      },
    },
  ],
  exports: [SQL_DATABASE, EVENT_STORE],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
    await this.db.close();
  }
}
