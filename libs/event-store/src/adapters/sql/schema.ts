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

/** Several processes may start at once against one PostgreSQL: migrate under a lock. */
export async function migrateEventStore(db: SqlDatabase): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('homeward.migrate.event-store'))`);
    for (const statement of EVENT_STORE_SCHEMA.split(';').filter((s) => s.trim())) {
      await tx.query(statement);
    }
  });
}
