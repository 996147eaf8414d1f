import type { ChildFound, ReturnInterviewHeld } from '@homeward/domain';
import type { EventStore, RecordedEvent, SqlExecutor } from '@homeward/event-store';
import { readChildMissingRecord } from '@homeward/platform';
import type { ForceLookup } from './contextual-records';

/**
 * The force that reported the episode an event is about, for a reactor that may be ahead of the
 * projection: from the tables if known, else from the child's own record (the source of truth).
 * Resolved before the reactor's transaction opens, since PGlite runs one statement at a time and
 * a store read inside the transaction would wait for it forever.
 */
export async function forceForEvent(
  db: SqlExecutor,
  store: EventStore,
  recorded: RecordedEvent,
): Promise<ForceLookup | undefined> {
  if (recorded.type !== 'ChildFound' && recorded.type !== 'ReturnInterviewHeld') return undefined;
  const event = recorded as unknown as ChildFound | ReturnInterviewHeld;
  const { childId, episodeId } = event.data;
  const people =
    event.type === 'ChildFound' ? event.data.personal.foundWith : event.data.personal.associates;
  if (!people?.some((p) => p.policePersonId)) return undefined;
  const [row] = await db.query<{ force: string }>(
    'SELECT force FROM rm_contextual_episodes WHERE episode_id = $1',
    [episodeId],
  );
  const force =
    row?.force ?? (await readChildMissingRecord(store, childId)).episodes[episodeId]?.force ?? null;
  return async (forChild, forEpisode) =>
    forChild === childId && forEpisode === episodeId ? force : null;
}
