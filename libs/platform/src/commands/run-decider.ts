import { eventIdFor, foldEvents, type Decider } from '@homeward/domain';
import { StreamVersionConflict, type EventStore } from '@homeward/event-store';

const MAX_ATTEMPTS = 5;

/**
 * Reads a stream, decides, and appends with the version it read. On a version conflict the
 * whole read-decide-append is retried, so concurrent writers never overwrite each other.
 * Event ids come from the cause, so a redelivered cause appends nothing new.
 */
export async function runDecider<Command, Event extends { type: string; data: unknown }, State>(
  store: EventStore,
  streamName: string,
  decider: Decider<Command, Event, State>,
  command: Command,
  cause: { causationId: string; correlationId: string },
): Promise<Event[]> {
  for (let attempt = 1; ; attempt++) {
    const { events: recorded, currentVersion } = await store.readStream(streamName);
    const state = foldEvents(decider, recorded as unknown as Event[]);
    const events = decider.decide(command, state);
    if (events.length === 0) return [];
    try {
      await store.appendToStream(
        streamName,
        events.map((e, i) => ({
          eventId: eventIdFor(cause.causationId, i),
          type: e.type,
          data: e.data,
          metadata: { ...cause },
        })),
        { expectedVersion: currentVersion },
      );
      return events;
    } catch (error) {
      if (!(error instanceof StreamVersionConflict) || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}
