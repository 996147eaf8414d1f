import {
  applyMigrations,
  lockMigrations,
  type SqlDatabase,
  type SqlExecutor,
} from '@homeward/event-store';
import { findCheckpoint } from '../event-processing/checkpoints';
import { readModelMigrations, type ReadModel } from '../event-processing/event-processor';
import { kafkaBoundaryCheckpoint } from '../event-processing/event-processing.service';

export interface ProjectionStatus {
  name: string;
  tables: readonly string[];
  /** The store position its rows include (store feed); null before it first ran. */
  checkpoint: number | null;
  /** EVENT_FEED=kafka: the position it caught up to before following its topics. */
  kafkaBoundary: number | null;
  /** head - checkpoint on the store feed; null on the Kafka feed (Kafka keeps its offsets). */
  lag: number | null;
  parked: number;
}

export async function listProjections(
  db: SqlExecutor,
  readModels: ReadModel[],
  head: number,
): Promise<ProjectionStatus[]> {
  const parked = new Map(
    (
      await db.query<{ processor: string; n: string | number }>(
        'SELECT processor, count(*) AS n FROM hw_dead_letters GROUP BY processor',
      )
    ).map((r) => [r.processor, Number(r.n)]),
  );
  const statuses: ProjectionStatus[] = [];
  for (const readModel of readModels) {
    const name = readModel.projection;
    const checkpoint = await findCheckpoint(db, name);
    const kafkaBoundary = await findCheckpoint(db, kafkaBoundaryCheckpoint(name));
    statuses.push({
      name,
      tables: readModel.tables,
      checkpoint,
      kafkaBoundary,
      lag: kafkaBoundary === null ? Math.max(0, head - (checkpoint ?? 0)) : null,
      parked: parked.get(name) ?? 0,
    });
  }
  return statuses;
}

export interface RebuildResult {
  name: string;
  droppedTables: readonly string[];
  previousCheckpoint: number | null;
  deadLettersCleared: number;
  generation: number;
}

/**
 * Resets a read model to empty, in one transaction: its checkpoint row is taken first (its
 * generation goes up and its position to 0; the row lock waits for the projection's batch in
 * flight and holds off the next, see fenceGeneration), then its tables are dropped, its
 * migrations forgotten and applied again, and its dead letters cleared (the replay handles
 * those events again). A running Homeward notices the new generation within a second and
 * replays the projection from the store while every other projection goes on; a Homeward
 * started later replays it at start-up.
 */
export async function rebuildProjection(
  db: SqlDatabase,
  readModel: ReadModel,
): Promise<RebuildResult> {
  const name = readModel.projection;
  return db.transaction(async (tx) => {
    await lockMigrations(tx);
    const previousCheckpoint = await findCheckpoint(tx, name);
    const generation = await resetCheckpoint(tx, name, 0);
    for (const table of readModel.tables) await tx.query(`DROP TABLE IF EXISTS ${table} CASCADE`);
    await tx.query('DELETE FROM hw_migrations WHERE scope = $1', [name]);
    await applyMigrations(tx, [readModelMigrations(readModel)]);
    const cleared = await tx.query('DELETE FROM hw_dead_letters WHERE processor = $1 RETURNING 1', [
      name,
    ]);
    return {
      name,
      droppedTables: readModel.tables,
      previousCheckpoint,
      deadLettersCleared: cleared.length,
      generation,
    };
  });
}

/**
 * Moves a processor's checkpoint to `position` (never forward) and bumps its generation, so the
 * running processor starts again from there; forgets its Kafka boundary, so on the Kafka feed it
 * catches up from the store first. Returns the new generation.
 */
export async function resetCheckpoint(
  tx: SqlExecutor,
  name: string,
  position: number,
): Promise<number> {
  await tx.query(
    `INSERT INTO hw_checkpoints (name, position) VALUES ($1, 0) ON CONFLICT (name) DO NOTHING`,
    [name],
  );
  const [row] = await tx.query<{ generation: number }>(
    `UPDATE hw_checkpoints SET position = LEAST(position, $2), generation = generation + 1,
       updated_at = now() WHERE name = $1 RETURNING generation`,
    [name, position],
  );
  await tx.query('DELETE FROM hw_checkpoints WHERE name = $1', [kafkaBoundaryCheckpoint(name)]);
  return Number(row.generation);
}
