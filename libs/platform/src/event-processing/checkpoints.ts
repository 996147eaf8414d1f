import type { SqlDatabase, SqlExecutor } from '@homeward/event-store';

export const CHECKPOINTS_SCHEMA = `CREATE TABLE IF NOT EXISTS hw_checkpoints (
  name       text PRIMARY KEY,
  position   bigint NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
)`;

export async function readCheckpoint(db: SqlExecutor, name: string): Promise<number> {
  return (await findCheckpoint(db, name)) ?? 0;
}

/** Null when the checkpoint was never stored (unlike `readCheckpoint`, which says 0). */
export async function findCheckpoint(db: SqlExecutor, name: string): Promise<number | null> {
  const [row] = await db.query<{ position: string | number }>(
    'SELECT position FROM hw_checkpoints WHERE name = $1',
    [name],
  );
  return row ? Number(row.position) : null;
}

/** Only moves forward, so a late, repeated batch can never rewind a checkpoint. */
export async function storeCheckpoint(
  db: SqlExecutor,
  name: string,
  position: number,
): Promise<void> {
  await db.query(
    `INSERT INTO hw_checkpoints (name, position, updated_at) VALUES ($1, $2, now())
     ON CONFLICT (name) DO UPDATE SET position = GREATEST(hw_checkpoints.position, EXCLUDED.position),
       updated_at = now()`,
    [name, position],
  );
}

export async function migrateCheckpoints(db: SqlDatabase): Promise<void> {
  await db.query(CHECKPOINTS_SCHEMA);
}
