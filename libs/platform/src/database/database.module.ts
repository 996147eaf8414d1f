import { mkdirSync } from 'node:fs';
import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import {
  EVENT_STORE,
  PgliteDatabase,
  PostgresDatabase,
  SQL_DATABASE,
  SqlEventStore,
  type EventStore,
  type SqlDatabase,
} from '@homeward/event-store';
import { HOMEWARD_CONFIG, type HomewardConfig } from '../config/homeward-config';

/**
 * Opens the store chosen by configuration: PGlite in ./data by default, PostgreSQL when
 * DATABASE_URL is set. The event store and the read models share the database, so a
 * projection's rows and its checkpoint commit together.
 */
@Global()
@Module({
  providers: [
    {
      provide: SQL_DATABASE,
      inject: [HOMEWARD_CONFIG],
      useFactory: async (config: HomewardConfig): Promise<SqlDatabase> => {
        const logger = new Logger('Database');
        if (config.store.kind === 'postgres') {
          logger.log('event store: PostgreSQL');
          return new PostgresDatabase({ connectionString: config.store.url });
        }
        mkdirSync(config.store.dataDir, { recursive: true });
        logger.log(`event store: PGlite in ${config.store.dataDir}`);
        return PgliteDatabase.open(config.store.dataDir);
      },
    },
    {
      provide: EVENT_STORE,
      inject: [SQL_DATABASE],
      useFactory: (db: SqlDatabase): Promise<EventStore> => SqlEventStore.create(db),
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
