import { migrate, type MigrationSet } from '../../sql/migrations';
import type { SqlDatabase } from '../../sql/sql-database.port';

/**
 * One events table with a global position and per-stream versions (the shape Emmett uses), and
 * a streams table holding each stream's current version for the optimistic-concurrency check.
 */
export const EVENT_STORE_SCHEMA = `
CREATE TABLE IF NOT EXISTS hw_streams (
  stream_name    text PRIMARY KEY,
  stream_version bigint NOT NULL
);
CREATE TABLE IF NOT EXISTS hw_events (
  global_position bigserial PRIMARY KEY,
  event_id        uuid NOT NULL UNIQUE,
  stream_name     text NOT NULL,
  stream_version  bigint NOT NULL,
  event_type      text NOT NULL,
  data            jsonb NOT NULL,
  metadata        jsonb NOT NULL DEFAULT '{}'::jsonb,
  recorded_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (stream_name, stream_version)
);
`;

/**
 * Migration 1 is the schema the store created before migrations existed, still `IF NOT EXISTS`,
 * so a database from then is adopted as it is. Add changes as migration 2, 3...
 */
export const EVENT_STORE_MIGRATIONS: MigrationSet = {
  scope: 'event-store',
  migrations: [{ id: 1, name: 'events and streams', sql: EVENT_STORE_SCHEMA }],
};

/** Several processes may start at once against one PostgreSQL: the runner locks. */
export async function migrateEventStore(db: SqlDatabase): Promise<void> {
  await migrate(db, [EVENT_STORE_MIGRATIONS]);
}
