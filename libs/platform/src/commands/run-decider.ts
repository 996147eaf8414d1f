import { eventIdFor, foldEvents, type Decider } from '@homeward/domain';
import { StreamVersionConflict, type EventStore } from '@homeward/event-store';

const MAX_ATTEMPTS = 5;

/**
 * Reads a stream, decides, and appends with the version it read. On a version conflict the
 * whole read-decide-append is retried, so concurrent writers never overwrite each other.
 * Event ids come from the cause, so a redelivered cause appends nothing new, and it reports
 * nothing new: an empty list means "nothing changed", whether the decider had nothing to say or
 * the cause was already recorded on this stream.
 */
export async function runDecider<Command, Event extends { type: string; data: unknown }, State>(
  store: EventStore,
  streamName: string,
  decider: Decider<Command, Event, State>,
  command: Command,
  cause: { causationId: string; correlationId: string },
): Promise<Event[]> {
  const firstEventId = eventIdFor(cause.causationId, 0);
  for (let attempt = 1; ; attempt++) {
    const { events: recorded, currentVersion } = await store.readStream(streamName);
    // A resend of a cause already handled here: deciding again on the later state could refuse
    // it (already acknowledged) or record it twice (a second contact attempt).
    if (recorded.some((e) => e.eventId === firstEventId)) return [];
    const state = foldEvents(decider, recorded as unknown as Event[]);
    const events = decider.decide(command, state);
    if (events.length === 0) return [];
    try {
      const result = await store.appendToStream(
        streamName,
        events.map((e, i) => ({
          eventId: eventIdFor(cause.causationId, i),
          type: e.type,
          data: e.data,
          metadata: { ...cause },
        })),
        { expectedVersion: currentVersion },
      );
      return result.duplicate ? [] : events;
    } catch (error) {
      if (!(error instanceof StreamVersionConflict) || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}
