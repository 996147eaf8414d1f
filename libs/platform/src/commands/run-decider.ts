import { eventIdFor, foldEvents, type Decider } from '@homeward/domain';
import { StreamVersionConflict, type EventStore, type EventToAppend } from '@homeward/event-store';

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

/** One command for a batch: the stream it is decided on and the cause that names its events. */
export interface BatchedCommand<Command> {
  streamName: string;
  command: Command;
  cause: { causationId: string; correlationId: string };
}

/**
 * `runDecider` for many commands at once (a reactor's batch): every stream read in one query,
 * each command decided in order on its stream's state so far (two commands for one stream see
 * each other), and everything appended in one atomic step with the versions read. A cause
 * already recorded on its stream is skipped, as in runDecider. On a version conflict (a person
 * acted on one of the streams meanwhile) the whole batch is read and decided again.
 */
export async function runDeciderBatch<
  Command,
  Event extends { type: string; data: unknown },
  State,
>(
  store: EventStore,
  decider: Decider<Command, Event, State>,
  commands: BatchedCommand<Command>[],
): Promise<void> {
  if (commands.length === 0) return;
  for (let attempt = 1; ; attempt++) {
    const read = await store.readStreams(commands.map((c) => c.streamName));
    const pending = new Map<string, { state: State; version: number; events: EventToAppend[] }>();
    for (const [streamName, { events, currentVersion }] of read) {
      const state = foldEvents(decider, events as unknown as Event[]);
      pending.set(streamName, { state, version: currentVersion, events: [] });
    }
    for (const { streamName, command, cause } of commands) {
      const stream = pending.get(streamName)!;
      const firstEventId = eventIdFor(cause.causationId, 0);
      const recorded = read.get(streamName)!.events;
      if (recorded.some((e) => e.eventId === firstEventId)) continue;
      const events = decider.decide(command, stream.state);
      stream.state = events.reduce((s, e) => decider.evolve(s, e), stream.state);
      stream.events.push(
        ...events.map((e, i) => ({
          eventId: eventIdFor(cause.causationId, i),
          type: e.type,
          data: e.data,
          metadata: { ...cause },
        })),
      );
    }
    const appends = [...pending]
      .filter(([, stream]) => stream.events.length > 0)
      .map(([streamName, stream]) => ({
        streamName,
        events: stream.events,
        expectedVersion: stream.version,
      }));
    if (appends.length === 0) return;
    try {
      await store.appendToStreams(appends);
      return;
    } catch (error) {
      if (!(error instanceof StreamVersionConflict) || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}
