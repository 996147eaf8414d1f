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
  return (await readChildMissingRecords(store, [childId])).at(childId, upToVersion);
}

/** Several children's streams, read in one query, each foldable as it stood at any version. */
export interface ChildMissingRecords {
  at(childId: string, upToVersion?: number): ChildMissingRecord;
}

/**
 * For a batch of events about several children: one read of all their streams, then each
 * record as `readChildMissingRecord` would give it. A child not asked for is read as unknown.
 */
export async function readChildMissingRecords(
  store: EventStore,
  childIds: Iterable<string>,
): Promise<ChildMissingRecords> {
  const read = await store.readStreams([...new Set(childIds)].map((id) => streams.child(id)));
  return {
    at(childId, upToVersion) {
      const events = read.get(streams.child(childId))?.events ?? [];
      const known =
        upToVersion === undefined ? events : events.filter((e) => e.streamVersion <= upToVersion);
      return foldEvents(episodeDecider, known as unknown as EpisodeEvent[]);
    },
  };
}
