import type { EventStore, RecordedEvent, SqlExecutor } from '@homeward/event-store';
import { readChildMissingRecords } from '@homeward/platform';
import { namesPolicePeople, type KnownForces } from './contextual-records';

/**
 * The force that reported each episode a batch's records name people in: from the tables, or,
 * where they do not know it yet (the reactor may be ahead of the report, from another topic),
 * from the children's own records, the source of truth, read in one query. recordContext then
 * needs no read of its own for them. Resolved before the reactor's transaction
 * opens, since PGlite runs one statement at a time and a store read inside the transaction would
 * wait for it forever.
 */
export async function forcesForBatch(
  db: SqlExecutor,
  store: EventStore,
  batch: readonly RecordedEvent[],
): Promise<KnownForces> {
  const wanted = batch.map(namesPolicePeople).filter((w) => w !== null);
  if (wanted.length === 0) return new Map();
  const forces = new Map(
    (
      await db.query<{ episode_id: string; force: string }>(
        'SELECT episode_id::text AS episode_id, force FROM rm_contextual_episodes WHERE episode_id = ANY($1::uuid[])',
        [[...new Set(wanted.map((w) => w.episodeId))]],
      )
    ).map((row): [string, string | null] => [row.episode_id, row.force]),
  );
  const unknown = wanted.filter((w) => !forces.has(w.episodeId));
  if (unknown.length === 0) return forces;
  const records = await readChildMissingRecords(
    store,
    unknown.map((w) => w.childId),
  );
  for (const w of unknown) {
    forces.set(w.episodeId, records.at(w.childId).episodes[w.episodeId]?.force ?? null);
  }
  return forces;
}
