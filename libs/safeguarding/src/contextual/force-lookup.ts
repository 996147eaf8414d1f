import type { EventStore, RecordedEvent, SqlExecutor } from '@homeward/event-store';
import { readChildMissingRecords } from '@homeward/platform';
import { namesPolicePeople, type KnownForces } from './contextual-records';

/**
 * The force that reported each episode a batch's records name people in, where the tables do not
 * know it yet (the reactor may be ahead of the report, from another topic): from the children's
 * own records, the source of truth, read in one query. Resolved before the reactor's transaction
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
  const known = new Set(
    (
      await db.query<{ episode_id: string }>(
        'SELECT episode_id::text AS episode_id FROM rm_contextual_episodes WHERE episode_id = ANY($1::uuid[])',
        [[...new Set(wanted.map((w) => w.episodeId))]],
      )
    ).map((row) => row.episode_id),
  );
  const unknown = wanted.filter((w) => !known.has(w.episodeId));
  if (unknown.length === 0) return new Map();
  const records = await readChildMissingRecords(
    store,
    unknown.map((w) => w.childId),
  );
  return new Map(
    unknown.map((w) => [w.episodeId, records.at(w.childId).episodes[w.episodeId]?.force ?? null]),
  );
}
