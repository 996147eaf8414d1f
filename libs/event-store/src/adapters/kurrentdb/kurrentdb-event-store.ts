import {
  BACKWARDS,
  END,
  FORWARDS,
  KurrentDBClient,
  START,
  excludeSystemEvents,
  type ReadPosition,
  type ReadStreamOptions,
} from '@kurrent/kurrentdb-client';
import {
  EventIdReused,
  StreamVersionConflict,
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
import { claimEventIds, isClaimRecord } from './kurrentdb-event-id-claims';
import {
  classifyStoredIds,
  idKey,
  isStreamNotFound,
  isSystemEvent,
  isUnsupported,
  isWrongExpectedVersion,
  planAppends,
  toEventData,
  toGlobalPosition,
  toMultiAppendEventData,
  toReadPosition,
  toRecordedEvent,
  toSafeNumber,
  toStreamState,
  toStreamVersion,
  toStreamVersionConflict,
  type KurrentRecord,
  type PlannedAppend,
} from './kurrentdb-mapping';
import { kurrentDbSubscription } from './kurrentdb-subscription';

/** What the adapter uses of the client, so tests can hand it a simulated one. */
export type KurrentDbClientPort = Pick<
  KurrentDBClient,
  'appendToStream' | 'multiStreamAppend' | 'readStream' | 'readAll' | 'subscribeToAll' | 'dispose'
>;

export interface KurrentDbEventStoreOptions {
  /**
   * How many of a stream's latest events an append reads to recognise event ids it already holds
   * (a retried append). Default 50; an append of more events reads that many instead.
   */
  idempotencyWindow?: number;
}

export const MULTI_STREAM_APPEND_UNSUPPORTED =
  'appendToStreams needs KurrentDB 25.1 or later (atomic multi-stream append); this server does ' +
  'not offer it, and appending stream by stream would break the all-or-nothing promise, so ' +
  'nothing was written';

/** The append came back "not successful" instead of throwing (connection string throwOnAppendFailure=false). */
class AppendNotApplied extends Error {
  constructor(readonly streamName: string) {
    super(`append to ${streamName} was not applied (wrong expected version)`);
  }
}

interface StreamHint {
  /** The first entry's expectation: where a retry of this append would have put its events. */
  expected: ExpectedStreamVersion | undefined;
  count: number;
}

interface Inspection {
  versions: Map<string, number>;
  stored: Set<string>;
}

interface Written {
  version: number;
  position: number | null;
}

const HEAD_PAGE = 20;

/**
 * The EventStore port on KurrentDB (EventStoreDB's successor) through @kurrent/kurrentdb-client.
 *
 * Mapping (details and sources in kurrentdb-mapping.ts): port version N = N events = KurrentDB
 * revision N - 1 (0 = NO_STREAM); global position = the event's $all log position (commit =
 * prepare for every event a gRPC append writes, so it is unique, increasing and has gaps); `$`
 * event types and streams (KurrentDB's own) are left out of readAll, headPosition and subscribe.
 * A checkpoint (`after`) must therefore be 0 or a position this store returned: the server can
 * only start a $all read at a record boundary, and positions of the SQL adapter mean nothing here.
 *
 * Idempotency. KurrentDB only recognises re-appended event ids at the position the expected
 * version points to (or, for ANY, from a bounded cache), and then answers with a plain success,
 * indistinguishable from a fresh write. The port wants more: ids already stored make the append a
 * duplicate (`duplicate: true`) even at a stale expected version, and a partial reuse is an
 * EventIdReused. So each append first reads the target streams' latest `idempotencyWindow` events
 * (and, for a numeric or no_stream expectation the stream has moved past, the slot that
 * expectation points to) and decides from what it finds; a WrongExpectedVersion from the server is
 * checked the same way before it becomes a StreamVersionConflict. What remains different from the
 * SQL adapter, which has a global unique index on event ids:
 * - an id stored deeper in the same stream than the window (with an `any` / `stream_exists`
 *   expectation) is not seen;
 * - two identical appends racing each other: the server stores the events once, but both callers
 *   may be told `duplicate: false`;
 * - the ids are compared after one extra read per append and stream (the price of the above).
 * An id already stored on ANOTHER stream is refused (EventIdReused) through event-id claims, one
 * small claim stream per id written before the events (kurrentdb-event-id-claims.ts: race-free,
 * one extra append per event id, claims hidden from readAll, headPosition and subscribe).
 *
 * Atomic multi-stream appends use the client's `multiStreamAppend` (server 25.1+). Entries with
 * no events are only checked against the version read beforehand (not atomically with the write).
 * On older servers appendToStreams refuses with MULTI_STREAM_APPEND_UNSUPPORTED rather than
 * writing stream by stream.
 *
 * Subscriptions are KurrentDB catch-up subscriptions to $all (`subscribeToAll` with a server-side
 * filter, kurrentdb-subscription.ts): pushed by the server as any process writes, no polling.
 */
export class KurrentDbEventStore implements EventStore {
  private readonly subscriptions: Subscription[] = [];
  private readonly idempotencyWindow: number;
  private closed = false;
  /** Learnt from the server's first refusal, so later multi-stream appends fail before claiming. */
  private multiStreamAppendUnsupported = false;

  constructor(
    private readonly client: KurrentDbClientPort,
    options: KurrentDbEventStoreOptions = {},
  ) {
    this.idempotencyWindow = Math.max(1, options.idempotencyWindow ?? 50);
  }

  /**
   * Connects with a connection string such as `kurrentdb://127.0.0.1:2113?tls=false` (secure
   * clusters: `kurrentdb://admin:changeit@host:2113`), and fails fast if the server cannot be read.
   * The user needs read access to $all.
   */
  static async connect(
    connectionString: string,
    options: KurrentDbEventStoreOptions = {},
  ): Promise<KurrentDbEventStore> {
    const client = KurrentDBClient.connectionString(connectionString);
    const store = new KurrentDbEventStore(client, options);
    try {
      await store.headPosition();
    } catch (error) {
      await client.dispose().catch(() => undefined);
      const reason = describeError(error);
      const where = connectionString.replace(/\/\/[^@/]*@/, '//***@');
      throw new Error(`KurrentDB is not usable at ${where} (${reason})`, { cause: error });
    }
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
    if (appends.length === 0) return [];
    const ids = appends.flatMap((a) => a.events.map((e) => e.eventId));
    if (new Set(ids.map(idKey)).size !== ids.length) throw new EventIdReused(ids);

    const hints = new Map<string, StreamHint>();
    for (const a of appends) {
      const hint = hints.get(a.streamName);
      if (hint) hint.count += a.events.length;
      else hints.set(a.streamName, { expected: a.expectedVersion, count: a.events.length });
    }
    const seen = await this.inspect(hints, ids);
    const verdict = classifyStoredIds(ids, seen.stored);
    if (verdict.kind === 'all') return duplicates(appends, seen.versions);
    if (verdict.kind === 'some') throw new EventIdReused(verdict.stored);
    if (
      this.multiStreamAppendUnsupported &&
      new Set(appends.filter((a) => a.events.length > 0).map((a) => a.streamName)).size > 1
    ) {
      throw new Error(MULTI_STREAM_APPEND_UNSUPPORTED);
    }
    const reused = await claimEventIds(
      this.client,
      appends.flatMap((a) =>
        a.events.map((e) => ({ eventId: e.eventId, streamName: a.streamName })),
      ),
    );
    if (reused.length > 0) throw new EventIdReused(reused);

    const plans = planAppends(appends, seen.versions);
    const writes = plans.filter((p) => p.events.length > 0);
    let written: Map<string, Written>;
    try {
      written =
        writes.length === 0
          ? new Map()
          : writes.length === 1
            ? await this.appendOne(writes[0])
            : await this.appendMany(writes);
    } catch (error) {
      if (!isWrongExpectedVersion(error) && !(error instanceof AppendNotApplied)) throw error;
      return this.afterRejection(error, appends, hints, ids, plans);
    }
    return appends.map((a) => ({
      streamName: a.streamName,
      nextExpectedVersion:
        written.get(a.streamName)?.version ?? seen.versions.get(a.streamName) ?? 0,
      lastGlobalPosition: written.get(a.streamName)?.position ?? null,
      duplicate: false,
    }));
  }

  async readStream(streamName: string): Promise<ReadStreamResult> {
    const events = (await this.read(streamName, { direction: FORWARDS, fromRevision: START })).map(
      toRecordedEvent,
    );
    return streamResult(events);
  }

  /** KurrentDB reads one stream per call: the reads go out together. */
  async readStreams(streamNames: readonly string[]): Promise<Map<string, ReadStreamResult>> {
    const names = [...new Set(streamNames)];
    const results = await Promise.all(names.map((name) => this.readStream(name)));
    return new Map(names.map((name, i) => [name, results[i]]));
  }

  async readAll({ after, maxCount }: ReadAllOptions): Promise<RecordedEvent[]> {
    const out: RecordedEvent[] = [];
    let from = after;
    while (out.length < maxCount) {
      // $all reads are inclusive of the start position: ask for one more than still needed.
      const want = maxCount - out.length + 1;
      let received = 0;
      let last = from;
      for await (const resolved of this.client.readAll({
        direction: FORWARDS,
        fromPosition: toReadPosition(from),
        maxCount: want,
        filter: excludeSystemEvents(),
      })) {
        received += 1;
        const event = resolved.event;
        if (!event) continue;
        const position = toGlobalPosition(event.position);
        if (position <= from) continue;
        last = position;
        // The server filter drops `$` event types; `$` streams are KurrentDB's too, and
        // claims are the adapter's bookkeeping.
        if (isSystemEvent(event) || isClaimRecord(event)) continue;
        out.push(toRecordedEvent(event));
        if (out.length === maxCount) break;
      }
      // The filtered read pages on until it has `want` events or reaches the end of $all.
      if (received < want || last === from) break;
      from = last;
    }
    return out;
  }

  async headPosition(): Promise<number> {
    let from: ReadPosition = END;
    for (;;) {
      let received = 0;
      let oldest: KurrentRecord | undefined;
      for await (const resolved of this.client.readAll({
        direction: BACKWARDS,
        fromPosition: from,
        maxCount: HEAD_PAGE,
        filter: excludeSystemEvents(),
      })) {
        received += 1;
        const event = resolved.event;
        if (!event) continue;
        if (!isSystemEvent(event) && !isClaimRecord(event)) return toGlobalPosition(event.position);
        oldest = event;
      }
      if (received < HEAD_PAGE || !oldest?.position) return 0;
      // Reading backwards from an event's own position leaves that event out.
      from = oldest.position;
    }
  }

  subscribe(options: SubscribeOptions): Subscription {
    const subscription = kurrentDbSubscription(this.client, options);
    this.subscriptions.push(subscription);
    return subscription;
  }

  /** Stops this store's subscriptions and disposes the client. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all(this.subscriptions.map((s) => s.stop()));
    await this.client.dispose();
  }

  private async appendOne(plan: PlannedAppend): Promise<Map<string, Written>> {
    const result = await this.client.appendToStream(plan.streamName, plan.events.map(toEventData), {
      streamState: toStreamState(plan.expectedVersion),
    });
    if (!result.success) throw new AppendNotApplied(plan.streamName);
    // The position an append reports is its last event's (commit = prepare = log position).
    const position = result.position
      ? toGlobalPosition(result.position)
      : await this.positionAt(plan.streamName, result.nextExpectedRevision);
    return new Map([
      [plan.streamName, { version: toStreamVersion(result.nextExpectedRevision), position }],
    ]);
  }

  private async appendMany(plans: PlannedAppend[]): Promise<Map<string, Written>> {
    let result: Awaited<ReturnType<KurrentDbClientPort['multiStreamAppend']>>;
    try {
      result = await this.client.multiStreamAppend(
        plans.map((p) => ({
          streamName: p.streamName,
          events: p.events.map(toMultiAppendEventData),
          expectedState: toStreamState(p.expectedVersion),
        })),
      );
    } catch (error) {
      if (isUnsupported(error)) {
        this.multiStreamAppendUnsupported = true;
        throw new Error(MULTI_STREAM_APPEND_UNSUPPORTED, { cause: error });
      }
      throw error;
    }
    // The response has each stream's new revision but one position for the whole append; each
    // stream's last event is read back for its own position.
    const written = new Map<string, Written>();
    await Promise.all(
      result.responses.map(async (r) => {
        const position =
          (await this.positionAt(r.streamName, r.revision)) ??
          toSafeNumber(result.position, 'log position');
        written.set(r.streamName, { version: toStreamVersion(r.revision), position });
      }),
    );
    return written;
  }

  /** A rejected write: a racing retry of the same events, a reuse of ids, or a real conflict. */
  private async afterRejection(
    error: unknown,
    appends: StreamAppend[],
    hints: Map<string, StreamHint>,
    ids: string[],
    plans: PlannedAppend[],
  ): Promise<AppendResult[]> {
    const seen = await this.inspect(hints, ids);
    const verdict = classifyStoredIds(ids, seen.stored);
    if (verdict.kind === 'all') return duplicates(appends, seen.versions);
    if (verdict.kind === 'some') throw new EventIdReused(verdict.stored);
    const streamName =
      error instanceof AppendNotApplied
        ? error.streamName
        : isWrongExpectedVersion(error) && error.streamName
          ? error.streamName
          : plans[0].streamName;
    const plan = plans.find((p) => p.streamName === streamName) ?? plans[0];
    if (isWrongExpectedVersion(error) && error.actualState !== undefined) {
      throw toStreamVersionConflict(error, plan.streamName, plan.reportedExpected);
    }
    throw new StreamVersionConflict(
      plan.streamName,
      plan.reportedExpected,
      seen.versions.get(plan.streamName) ?? 0,
    );
  }

  /** Each stream's version, and which of `ids` its recent events (and the hinted slot) hold. */
  private async inspect(hints: Map<string, StreamHint>, ids: string[]): Promise<Inspection> {
    const wanted = new Set(ids.map(idKey));
    const versions = new Map<string, number>();
    const stored = new Set<string>();
    const collect = (events: KurrentRecord[]) => {
      for (const e of events) if (wanted.has(idKey(e.id))) stored.add(idKey(e.id));
    };
    await Promise.all(
      [...hints].map(async ([streamName, hint]) => {
        const tail = await this.read(streamName, {
          direction: BACKWARDS,
          fromRevision: END,
          maxCount: Math.max(this.idempotencyWindow, hint.count),
        });
        const version = tail.length > 0 ? toStreamVersion(tail[0].revision) : 0;
        versions.set(streamName, version);
        collect(tail);
        const slot =
          hint.expected === 'no_stream'
            ? 0
            : typeof hint.expected === 'number'
              ? hint.expected
              : undefined;
        const oldestRead =
          tail.length > 0 ? toStreamVersion(tail[tail.length - 1].revision) - 1 : 0;
        if (wanted.size > 0 && hint.count > 0 && slot !== undefined && slot < oldestRead) {
          collect(
            await this.read(streamName, {
              direction: FORWARDS,
              fromRevision: BigInt(slot),
              maxCount: hint.count,
            }),
          );
        }
      }),
    );
    return { versions, stored };
  }

  private async positionAt(streamName: string, revision: bigint): Promise<number | null> {
    const [event] = await this.read(streamName, {
      direction: BACKWARDS,
      fromRevision: revision,
      maxCount: 1,
    });
    return event?.position ? toGlobalPosition(event.position) : null;
  }

  private async read(streamName: string, options: ReadStreamOptions): Promise<KurrentRecord[]> {
    const events: KurrentRecord[] = [];
    try {
      for await (const resolved of this.client.readStream(streamName, options)) {
        if (resolved.event) events.push(resolved.event);
      }
    } catch (error) {
      if (isStreamNotFound(error)) return [];
      throw error;
    }
    return events;
  }
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const kind = error.constructor.name;
  return error.message.includes(kind) ? error.message : `${kind}: ${error.message}`;
}

function duplicates(appends: StreamAppend[], versions: Map<string, number>): AppendResult[] {
  return appends.map((a) => ({
    streamName: a.streamName,
    nextExpectedVersion: versions.get(a.streamName) ?? 0,
    lastGlobalPosition: null,
    duplicate: true,
  }));
}
