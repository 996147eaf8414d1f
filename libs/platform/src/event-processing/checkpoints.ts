import { migrate, type SqlDatabase, type SqlExecutor } from '@homeward/event-store';
import { PLATFORM_MIGRATIONS } from './migrations';

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

/**
 * Only moves forward, so a late, repeated batch can never rewind a checkpoint. With a
 * `generation`, only while the row still has it: a processor an operator reset meanwhile gets
 * ProcessorReset instead of moving the checkpoint the operator just set.
 */
export async function storeCheckpoint(
  db: SqlExecutor,
  name: string,
  position: number,
  generation?: number,
): Promise<void> {
  const rows = await db.query(
    `INSERT INTO hw_checkpoints (name, position, updated_at) VALUES ($1, $2, now())
     ON CONFLICT (name) DO UPDATE SET position = GREATEST(hw_checkpoints.position, EXCLUDED.position),
       updated_at = now()
     ${generation === undefined ? '' : 'WHERE hw_checkpoints.generation = $3'}
     RETURNING name`,
    generation === undefined ? [name, position] : [name, position, generation],
  );
  if (rows.length === 0) throw new ProcessorReset(name);
}

/** Checkpoints and dead letters (see migrations.ts). */
export async function migrateCheckpoints(db: SqlDatabase): Promise<void> {
  await migrate(db, [PLATFORM_MIGRATIONS]);
}

/**
 * A processor is reset (rebuilt, or rewound to replay a dead letter) by an operator: its
 * checkpoint row's generation goes up. The processor started under an older generation must
 * not write another row or checkpoint: it starts again from the new checkpoint.
 */
export class ProcessorReset extends Error {
  override readonly name = 'ProcessorReset';
  constructor(readonly processor: string) {
    super(`${processor} was reset by an operator: starting it again from its checkpoint`);
  }
}

/** The checkpoint row, created at 0 if missing, so there is always a row to lock. */
export async function openCheckpoint(
  db: SqlExecutor,
  name: string,
): Promise<{ position: number; generation: number }> {
  await db.query(
    `INSERT INTO hw_checkpoints (name, position) VALUES ($1, 0) ON CONFLICT (name) DO NOTHING`,
    [name],
  );
  const [row] = await db.query<{ position: string | number; generation: number }>(
    'SELECT position, generation FROM hw_checkpoints WHERE name = $1',
    [name],
  );
  return { position: Number(row.position), generation: Number(row.generation) };
}

/**
 * The fence a projection's transaction takes first: a lock on its checkpoint row (an operator's
 * reset updates the row, so the two never interleave), then the generation check. Throws
 * ProcessorReset when the operator got there first. A transaction that will move the checkpoint
 * takes the row's update lock at once: taking a share lock and upgrading it later could deadlock
 * with another holder doing the same.
 */
export async function fenceGeneration(
  tx: SqlExecutor,
  name: string,
  generation: number,
  willStoreCheckpoint: boolean,
): Promise<void> {
  const [row] = await tx.query<{ generation: number }>(
    `SELECT generation FROM hw_checkpoints WHERE name = $1 ${willStoreCheckpoint ? 'FOR UPDATE' : 'FOR SHARE'}`,
    [name],
  );
  if (Number(row?.generation ?? 0) !== generation) throw new ProcessorReset(name);
}

/** Generations of these processors now (a processor without a row counts as 0). */
export async function readGenerations(
  db: SqlExecutor,
  names: string[],
): Promise<Map<string, number>> {
  const rows = await db.query<{ name: string; generation: number }>(
    'SELECT name, generation FROM hw_checkpoints WHERE name = ANY($1::text[])',
    [names],
  );
  return new Map(rows.map((r) => [r.name, Number(r.generation)]));
}
