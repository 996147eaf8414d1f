import { Injectable } from '@nestjs/common';
import { INTERVIEWS_READ_MODELS } from '@homeward/interviews';
import { CONSOLE_READ_MODELS } from '@homeward/console';
import {
  EVENT_STORE_MIGRATIONS,
  KurrentDbEventStore,
  PgliteDatabase,
  PostgresDatabase,
  SqlEventStore,
  migrate,
  type SqlDatabase,
} from '@homeward/event-store';
import {
  PLATFORM_MIGRATIONS,
  loadHomewardConfig,
  type HomewardConfig,
  type ReadModel,
} from '@homeward/platform';
import { SAFEGUARDING_READ_MODELS } from '@homeward/safeguarding';
import { UsageError } from './usage-error';

/** Every read model of every context: the CLI operates a whole deployment. */
export const ALL_READ_MODELS: ReadModel[] = [
  ...INTERVIEWS_READ_MODELS,
  ...SAFEGUARDING_READ_MODELS,
  ...CONSOLE_READ_MODELS,
];

export interface Opened {
  config: HomewardConfig;
  db: SqlDatabase;
  /** The event store's head position now. */
  head: () => Promise<number>;
}

/**
 * What the commands share: the configuration (the same environment variables as Homeward) and
 * the database it names. PGlite (DATA_DIR) is refused while Homeward has it open: PGlite lets
 * one process at a time open a data directory (see data-dir-lock.ts).
 */
@Injectable()
export class CliContext {
  config(): HomewardConfig {
    try {
      return loadHomewardConfig(process.env, 'all');
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  }

  readModel(name: string): ReadModel {
    const found = ALL_READ_MODELS.find((m) => m.projection === name);
    if (!found) {
      throw new UsageError(
        `no projection is called "${name}"; the projections are: ` +
          ALL_READ_MODELS.map((m) => m.projection).join(', '),
      );
    }
    return found;
  }

  async withDatabase<T>(work: (opened: Opened) => Promise<T>): Promise<T> {
    const config = this.config();
    const db: SqlDatabase =
      config.database.kind === 'postgres'
        ? new PostgresDatabase({ connectionString: config.database.url, max: 2 })
        : await PgliteDatabase.open(config.database.dataDir);
    try {
      // The same refusal as Homeward's start-up when a newer version migrated the database.
      await migrate(db, [
        ...(config.eventStore.kind === 'sql' ? [EVENT_STORE_MIGRATIONS] : []),
        PLATFORM_MIGRATIONS,
      ]);
      const head = async () => {
        if (config.eventStore.kind === 'sql')
          return (await SqlEventStore.create(db)).headPosition();
        const store = await KurrentDbEventStore.connect(config.eventStore.connectionString);
        try {
          return await store.headPosition();
        } finally {
          await store.close();
        }
      };
      return await work({ config, db, head });
    } finally {
      await db.close();
    }
  }
}
