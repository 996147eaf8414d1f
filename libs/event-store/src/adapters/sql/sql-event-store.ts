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
import type { SqlDatabase, SqlExecutor } from '../../sql/sql-database.port';
import { AppendNotifier } from '../../subscription/append-signal';
import { SharedFeed } from '../../subscription/shared-feed';
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
    const results = await this.db.transaction((tx) => this.appendInTransaction(tx, appends, ids));
    if (results.some((r) => !r.duplicate)) this.notifier.notify();
    return results;
  }

  private async appendInTransaction(
    tx: SqlExecutor,
    appends: StreamAppend[],
    ids: string[],
  ): Promise<AppendResult[]> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('homeward.events.append'))`);
    const stored = await tx.query<{ event_id: string; stream_name: string }>(
      `SELECT e.event_id::text AS event_id, e.stream_name FROM hw_events e
       JOIN jsonb_array_elements_text($1::jsonb) AS ids(id) ON e.event_id = ids.id::uuid`,
      [JSON.stringify(ids)],
    );
    const versions = await this.currentVersions(
      tx,
      appends.map((a) => a.streamName),
    );
    if (isRepeatOf(appends, stored)) {
      return appends.map((a) => ({
        streamName: a.streamName,
        nextExpectedVersion: versions.get(a.streamName) ?? 0,
        lastGlobalPosition: null,
        duplicate: true,
      }));
    }
    if (stored.length > 0) throw new EventIdReused(stored.map((r) => r.event_id));

    const rows: Array<Record<string, unknown>> = [];
    const nextVersions = new Map<string, number>();
    for (const a of appends) {
      const actual = nextVersions.get(a.streamName) ?? versions.get(a.streamName) ?? 0;
      if (!versionMatches(a.expectedVersion, actual)) {
        throw new StreamVersionConflict(a.streamName, a.expectedVersion ?? 'any', actual);
      }
      a.events.forEach((e, i) =>
        rows.push({
          event_id: e.eventId,
          stream_name: a.streamName,
          stream_version: actual + i + 1,
          event_type: e.type,
          data: e.data,
          metadata: e.metadata ?? {},
        }),
      );
      nextVersions.set(a.streamName, actual + a.events.length);
    }
    const inserted = await tx.query<{ global_position: string | number; stream_name: string }>(
      `INSERT INTO hw_events (event_id, stream_name, stream_version, event_type, data, metadata)
       SELECT (r.e->>'event_id')::uuid, r.e->>'stream_name', (r.e->>'stream_version')::bigint,
              r.e->>'event_type', r.e->'data', r.e->'metadata'
       FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS r(e, ord)
       ORDER BY r.ord
       RETURNING global_position, stream_name`,
      [JSON.stringify(rows)],
    );
    await tx.query(
      `INSERT INTO hw_streams (stream_name, stream_version)
       SELECT s.key, s.value::bigint FROM jsonb_each_text($1::jsonb) AS s
       ON CONFLICT (stream_name) DO UPDATE SET stream_version = EXCLUDED.stream_version`,
      [JSON.stringify(Object.fromEntries(nextVersions))],
    );
    // Delivered to every listening process when this transaction commits, never before.
    if (this.db.listen) await tx.query('SELECT pg_notify($1, NULL)', [APPENDED_CHANNEL]);
    const lastPosition = new Map<string, number>();
    for (const row of inserted) {
      const position = Number(row.global_position);
      lastPosition.set(row.stream_name, Math.max(position, lastPosition.get(row.stream_name) ?? 0));
    }
    return appends.map((a) => ({
      streamName: a.streamName,
      nextExpectedVersion: nextVersions.get(a.streamName) ?? 0,
      lastGlobalPosition: lastPosition.get(a.streamName) ?? null,
      duplicate: false,
    }));
  }

  private async currentVersions(
    tx: SqlExecutor,
    streamNames: string[],
  ): Promise<Map<string, number>> {
    const rows = await tx.query<{ stream_name: string; stream_version: string | number }>(
      `SELECT stream_name, stream_version FROM hw_streams
       WHERE stream_name IN (SELECT jsonb_array_elements_text($1::jsonb))`,
      [JSON.stringify(streamNames)],
    );
    return new Map(rows.map((r) => [r.stream_name, Number(r.stream_version)]));
  }

  async readStream(streamName: string): Promise<ReadStreamResult> {
    const rows = await this.db.query<EventRow>(
      `${SELECT_EVENT} WHERE stream_name = $1 ORDER BY stream_version`,
      [streamName],
    );
    const events = rows.map(toRecorded);
    const currentVersion = events.length ? events[events.length - 1].streamVersion : 0;
    return { events, currentVersion, exists: events.length > 0 };
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
