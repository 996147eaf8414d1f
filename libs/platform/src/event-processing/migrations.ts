import type { MigrationSet } from '@homeward/event-store';
import { DEAD_LETTERS_SCHEMA } from './dead-letters';

const CHECKPOINTS_SCHEMA = `CREATE TABLE IF NOT EXISTS hw_checkpoints (
  name       text PRIMARY KEY,
  position   bigint NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
)`;

/**
 * The platform's own tables. Migrations 1 and 2 are what start-up created before migrations
 * existed (`IF NOT EXISTS`, so those databases are adopted as they are). Never edit a released
 * migration: add the next id.
 */
export const PLATFORM_MIGRATIONS: MigrationSet = {
  scope: 'platform',
  migrations: [
    { id: 1, name: 'checkpoints', sql: CHECKPOINTS_SCHEMA },
    { id: 2, name: 'dead letters', sql: DEAD_LETTERS_SCHEMA },
    {
      id: 3,
      name: 'checkpoint generations, for operator resets',
      sql: `ALTER TABLE hw_checkpoints ADD COLUMN IF NOT EXISTS generation int NOT NULL DEFAULT 0`,
    },
    {
      id: 4,
      name: 'dead letter ids, for the operator CLI',
      sql: `ALTER TABLE hw_dead_letters ADD COLUMN IF NOT EXISTS id bigserial UNIQUE`,
    },
    {
      id: 5,
      name: 'operator requests to running processes',
      sql: `CREATE TABLE hw_operator_requests (
  id           bigserial PRIMARY KEY,
  kind         text NOT NULL,
  requested_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE hw_operator_request_acks (
  request_id bigint NOT NULL REFERENCES hw_operator_requests (id) ON DELETE CASCADE,
  service    text NOT NULL,
  detail     text NOT NULL,
  handled_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (request_id, service)
)`,
    },
  ],
};
