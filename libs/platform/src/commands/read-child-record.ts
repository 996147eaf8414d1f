import {
  episodeDecider,
  foldEvents,
  streams,
  type ChildMissingRecord,
  type EpisodeEvent,
} from '@homeward/domain';
import type { EventStore } from '@homeward/event-store';

/**
 * The child's missing record, straight from its stream (counts are never stale). With
 * `upToVersion`, as it stood when that event was recorded: a reactor deciding on an old event,
 * replayed or late, sees what was known then, not what came after.
 */
export async function readChildMissingRecord(
  store: EventStore,
  childId: string,
  upToVersion?: number,
): Promise<ChildMissingRecord> {
  const { events } = await store.readStream(streams.child(childId));
  const known =
    upToVersion === undefined ? events : events.filter((e) => e.streamVersion <= upToVersion);
  return foldEvents(episodeDecider, known as unknown as EpisodeEvent[]);
}
