import {
  EventIdReused,
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
  streamResult,
} from '../../event-store.port';
import type { SqlDatabase } from '../../sql/sql-database.port';
import { AppendNotifier } from '../../subscription/append-signal';
import { SharedFeed } from '../../subscription/shared-feed';
import { appendGroup, type AppendOutcome, type AppendRequest } from './append-group';
import { migrateEventStore } from './schema';

interface EventRow {
  global_position: string | number;
  event_id: string;
  stream_name: string;
  stream_version: string | number;
  event_type: string;
  data: unknown;
  metadata: Record<string, unknown>;
  recorded_at: Date | string;
}

/** Told at each commit of an append (PostgreSQL delivers NOTIFY when the transaction commits). */
export const APPENDED_CHANNEL = 'hw_events_appended';

/** The most requests one group commit takes (the rest wait for the next). */
const MAX_GROUP = 256;

interface QueuedAppend extends AppendRequest {
  resolve: (results: AppendResult[]) => void;
  reject: (error: unknown) => void;
}

const SELECT_EVENT = `SELECT global_position, event_id::text AS event_id, stream_name, stream_version,
  event_type, data, metadata, recorded_at FROM hw_events`;

/**
 * The event store on PostgreSQL or PGlite (same SQL). Appends take a transaction-scoped advisory
 * lock so global positions become visible strictly in order: a reader that has seen position N
 * can never later see a smaller one commit, which is what makes a single-number checkpoint safe.
 */
export class SqlEventStore implements EventStore {
  private readonly notifier = new AppendNotifier();
  /** One reader of the log for every subscription (see shared-feed.ts). */
  private readonly feed = new SharedFeed(
    (after, maxCount) => this.readAll({ after, maxCount }),
    this.notifier,
  );
  private readonly subscriptions: Subscription[] = [];
  private readonly queued: QueuedAppend[] = [];
  private committing = false;

  /** Stops listening for other processes' appends (PostgreSQL only). */
  private unlisten: (() => Promise<void>) | null = null;

  private constructor(private readonly db: SqlDatabase) {}

  static async create(db: SqlDatabase): Promise<SqlEventStore> {
    await migrateEventStore(db);
    const store = new SqlEventStore(db);
    // Appends by other processes (the services of a split deployment) wake this one's feed at
    // once through LISTEN/NOTIFY, not at its next poll.
    if (db.listen)
      store.unlisten = await db.listen(APPENDED_CHANNEL, () => store.notifier.notify());
    return store;
  }

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
    if (new Set(ids).size !== ids.length) throw new EventIdReused(ids);
    const results = await new Promise<AppendResult[]>((resolve, reject) => {
      this.queued.push({ appends, ids, resolve, reject });
      void this.commitQueued();
    });
    if (results.some((r) => !r.duplicate)) this.notifier.notify();
    return results;
  }

  /**
   * Group commit: the appends that arrive while one transaction runs wait for it, then go
   * together in the next (append-group.ts), so concurrent writers share one lock, one insert and
   * one commit instead of queuing for the lock one by one. A group that fails as a whole (the
   * database gone, a row it refuses) is tried again one request at a time, so one bad request
   * fails alone.
   */
  private async commitQueued(): Promise<void> {
    if (this.committing) return;
    this.committing = true;
    try {
      while (this.queued.length > 0) {
        const group = this.queued.splice(0, MAX_GROUP);
        try {
          this.settle(group, await this.commit(group));
        } catch (error) {
          if (group.length === 1) group[0].reject(error);
          else
            for (const one of group)
              await this.commit([one]).then(
                (outcomes) => this.settle([one], outcomes),
                (e: unknown) => one.reject(e),
              );
        }
      }
    } finally {
      this.committing = false;
    }
  }

  private commit(group: QueuedAppend[]): Promise<AppendOutcome[]> {
    const notifyChannel = this.db.listen ? APPENDED_CHANNEL : null;
    return this.db.transaction((tx) => appendGroup(tx, group, { notifyChannel }));
  }

  private settle(group: QueuedAppend[], outcomes: AppendOutcome[]): void {
    group.forEach((queued, i) => {
      const outcome = outcomes[i];
      if (outcome instanceof Error) queued.reject(outcome);
      else queued.resolve(outcome);
    });
  }

  async readStream(streamName: string): Promise<ReadStreamResult> {
    const rows = await this.db.query<EventRow>(
      `${SELECT_EVENT} WHERE stream_name = $1 ORDER BY stream_version`,
      [streamName],
    );
    return streamResult(rows.map(toRecorded));
  }

  async readStreams(streamNames: readonly string[]): Promise<Map<string, ReadStreamResult>> {
    const names = [...new Set(streamNames)];
    const byStream = new Map<string, RecordedEvent[]>(names.map((name) => [name, []]));
    if (names.length === 0) return new Map();
    const rows = await this.db.query<EventRow>(
      `${SELECT_EVENT} WHERE stream_name = ANY($1::text[]) ORDER BY stream_name, stream_version`,
      [names],
    );
    for (const row of rows.map(toRecorded)) byStream.get(row.streamName)?.push(row);
    return new Map([...byStream].map(([name, events]) => [name, streamResult(events)]));
  }

  async readAll({ after, maxCount }: ReadAllOptions): Promise<RecordedEvent[]> {
    const rows = await this.db.query<EventRow>(
      `${SELECT_EVENT} WHERE global_position > $1 ORDER BY global_position LIMIT $2`,
      [after, maxCount],
    );
    return rows.map(toRecorded);
  }

  async headPosition(): Promise<number> {
    const [row] = await this.db.query<{ head: string | number | null }>(
      'SELECT max(global_position) AS head FROM hw_events',
    );
    return Number(row?.head ?? 0);
  }

  subscribe(options: SubscribeOptions): Subscription {
    const subscription = this.feed.subscribe(options);
    this.subscriptions.push(subscription);
    return subscription;
  }

  /** Stops this store's subscriptions; the database itself belongs to whoever opened it. */
  async close(): Promise<void> {
    await this.unlisten?.();
    await Promise.all(this.subscriptions.map((s) => s.stop()));
  }
}

function toRecorded(row: EventRow): RecordedEvent {
  return {
    eventId: row.event_id,
    type: row.event_type,
    data: row.data,
    metadata: row.metadata,
    streamName: row.stream_name,
    streamVersion: Number(row.stream_version),
    globalPosition: Number(row.global_position),
    recordedAt: new Date(row.recorded_at).toISOString(),
  };
}
