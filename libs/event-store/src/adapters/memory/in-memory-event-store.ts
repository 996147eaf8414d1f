import {
  EventIdReused,
  isRepeatOf,
  StreamVersionConflict,
  versionMatches,
  type AppendResult,
  type EventStore,
  type EventToAppend,
  type ExpectedStreamVersion,
  type ReadAllOptions,
  type ReadStreamResult,
  type RecordedEvent,
  type StreamAppend,
  type SubscribeOptions,
  type Subscription,
} from '../../event-store.port';
import { AppendNotifier } from '../../subscription/append-signal';
import { SharedFeed } from '../../subscription/shared-feed';

/** For fast unit tests: the same semantics as the SQL adapters, held in arrays. */
export class InMemoryEventStore implements EventStore {
  private readonly all: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  /** Each stored event id and the stream it is on. */
  private readonly eventIds = new Map<string, string>();
  private readonly notifier = new AppendNotifier();
  /** One reader of the log for every subscription (see shared-feed.ts). */
  private readonly feed = new SharedFeed(
    (after, maxCount) => this.readAll({ after, maxCount }),
    this.notifier,
  );
  private readonly subscriptions: Subscription[] = [];

  async appendToStream(
    streamName: string,
    events: EventToAppend[],
    options: { expectedVersion?: ExpectedStreamVersion } = {},
  ): Promise<AppendResult> {
    const [result] = await this.appendToStreams([
      { streamName, events, expectedVersion: options.expectedVersion },
    ]);
    return result;
  }

  async appendToStreams(appends: StreamAppend[]): Promise<AppendResult[]> {
    const ids = appends.flatMap((a) => a.events.map((e) => e.eventId));
    const stored = ids.flatMap((id) => {
      const streamName = this.eventIds.get(id);
      return streamName === undefined ? [] : [{ event_id: id, stream_name: streamName }];
    });
    if (isRepeatOf(appends, stored)) {
      return appends.map((a) => this.duplicateResult(a.streamName));
    }
    if (stored.length > 0) throw new EventIdReused(stored.map((r) => r.event_id));
    if (new Set(ids).size !== ids.length) throw new EventIdReused(ids);

    for (const a of appends) {
      const actual = this.versionOf(a.streamName);
      if (!versionMatches(a.expectedVersion, actual)) {
        throw new StreamVersionConflict(a.streamName, a.expectedVersion ?? 'any', actual);
      }
    }
    const recordedAt = new Date().toISOString();
    const results = appends.map((a) => {
      const stream = this.streams.get(a.streamName) ?? [];
      let last: number | null = null;
      for (const e of a.events) {
        const recorded: RecordedEvent = {
          eventId: e.eventId,
          type: e.type,
          data: structuredClone(e.data),
          metadata: structuredClone(e.metadata ?? {}),
          streamName: a.streamName,
          streamVersion: stream.length + 1,
          globalPosition: this.all.length + 1,
          recordedAt,
        };
        stream.push(recorded);
        this.all.push(recorded);
        this.eventIds.set(e.eventId, a.streamName);
        last = recorded.globalPosition;
      }
      this.streams.set(a.streamName, stream);
      return {
        streamName: a.streamName,
        nextExpectedVersion: stream.length,
        lastGlobalPosition: last,
        duplicate: false,
      };
    });
    this.notifier.notify();
    return results;
  }

  async readStream(streamName: string): Promise<ReadStreamResult> {
    const events = this.streams.get(streamName) ?? [];
    return { events: [...events], currentVersion: events.length, exists: events.length > 0 };
  }

  async readStreams(streamNames: readonly string[]): Promise<Map<string, ReadStreamResult>> {
    const results = new Map<string, ReadStreamResult>();
    for (const name of streamNames) results.set(name, await this.readStream(name));
    return results;
  }

  async readAll({ after, maxCount }: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.all.slice(after, after + maxCount);
  }

  async headPosition(): Promise<number> {
    return this.all.length;
  }

  subscribe(options: SubscribeOptions): Subscription {
    const subscription = this.feed.subscribe(options);
    this.subscriptions.push(subscription);
    return subscription;
  }

  async close(): Promise<void> {
    await Promise.all(this.subscriptions.map((s) => s.stop()));
  }

  private versionOf(streamName: string): number {
    return this.streams.get(streamName)?.length ?? 0;
  }

  private duplicateResult(streamName: string): AppendResult {
    return {
      streamName,
      nextExpectedVersion: this.versionOf(streamName),
      lastGlobalPosition: null,
      duplicate: true,
    };
  }
}
