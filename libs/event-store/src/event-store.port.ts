/**
 * The EventStore port: the source of truth. Streams with versions for optimistic concurrency,
 * one global order for projections and forwarders, idempotent appends by event id.
 */

/** What the caller believes the stream's version is; `no_stream` = version 0 = empty stream. */
export type ExpectedStreamVersion = number | 'no_stream' | 'stream_exists' | 'any';

export interface EventToAppend {
  /** Derived from the cause (message id, causing event id) so a retried append is recognised. */
  eventId: string;
  type: string;
  data: unknown;
  metadata?: Record<string, unknown>;
}

export interface RecordedEvent<Type extends string = string, Data = unknown> {
  eventId: string;
  type: Type;
  data: Data;
  metadata: Record<string, unknown>;
  streamName: string;
  /** 1 for the first event of a stream. */
  streamVersion: number;
  /** Position in the store's single total order; strictly increasing, gaps allowed. */
  globalPosition: number;
  recordedAt: string;
}

export interface StreamAppend {
  streamName: string;
  events: EventToAppend[];
  expectedVersion?: ExpectedStreamVersion;
}

export interface AppendResult {
  streamName: string;
  /** The stream's version after the append (pass it as expectedVersion next time). */
  nextExpectedVersion: number;
  lastGlobalPosition: number | null;
  /** Every event was already in the store: nothing was written. */
  duplicate: boolean;
}

export interface ReadStreamResult {
  events: RecordedEvent[];
  currentVersion: number;
  exists: boolean;
}

export interface ReadAllOptions {
  /** Exclusive: read events whose global position is greater than this (0 = from the start). */
  after: number;
  maxCount: number;
}

export interface SubscribeOptions {
  /** Checkpoint: deliver events after this global position. */
  after: number;
  batchSize?: number;
  /** Called with each batch in order; the subscription only moves on when it resolves. */
  onEvents: (events: RecordedEvent[]) => Promise<void>;
  /** Told of a handler failure; the same batch is retried after a pause (never skipped). */
  onError?: (error: unknown) => void;
}

export interface Subscription {
  /** The last global position whose batch the handler finished. */
  readonly position: number;
  /** Resolves once the handler has finished every event up to `globalPosition`. */
  waitFor(globalPosition: number, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export interface EventStore {
  appendToStream(
    streamName: string,
    events: EventToAppend[],
    options?: { expectedVersion?: ExpectedStreamVersion },
  ): Promise<AppendResult>;
  /** Appends to several streams in one atomic step: all of it is written, or none. */
  appendToStreams(appends: StreamAppend[]): Promise<AppendResult[]>;
  readStream(streamName: string): Promise<ReadStreamResult>;
  /**
   * Reads several streams at once (one round trip where the store allows): each name asked for
   * is in the result, an unknown one as empty at version 0. For a decision that needs several
   * streams, or a batch of decisions.
   */
  readStreams(streamNames: readonly string[]): Promise<Map<string, ReadStreamResult>>;
  readAll(options: ReadAllOptions): Promise<RecordedEvent[]>;
  /** The highest global position written so far (0 when empty). */
  headPosition(): Promise<number>;
  subscribe(options: SubscribeOptions): Subscription;
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EventStore');

export class StreamVersionConflict extends Error {
  override readonly name = 'StreamVersionConflict';
  constructor(
    readonly streamName: string,
    readonly expected: ExpectedStreamVersion,
    readonly actual: number,
  ) {
    super(`stream ${streamName} is at version ${actual}, expected ${String(expected)}`);
  }
}

/**
 * An append reuses event ids stored by a different append: some but not all of them, or on
 * another stream. Event ids come from causes, so this is a cause (an idempotency key) reused for
 * something else: a conflict, never to be taken for a harmless resend.
 */
export class EventIdReused extends Error {
  override readonly name = 'EventIdReused';
  constructor(readonly eventIds: string[]) {
    super(`event ids already stored by another append: ${eventIds.join(', ')}`);
  }
}

/**
 * Whether an append is a resend of one already stored: every one of its event ids is stored, each
 * on the stream this append puts it on. Anything less (some ids, or ids on another stream) is not.
 */
export function isRepeatOf(
  appends: StreamAppend[],
  stored: ReadonlyArray<{ event_id: string; stream_name: string }>,
): boolean {
  const streamOf = new Map(stored.map((r) => [r.event_id, r.stream_name]));
  const wanted = appends.flatMap((a) => a.events.map((e) => [e.eventId, a.streamName] as const));
  return wanted.length > 0 && wanted.every(([id, streamName]) => streamOf.get(id) === streamName);
}

export function versionMatches(
  expected: ExpectedStreamVersion | undefined,
  actual: number,
): boolean {
  if (expected === undefined || expected === 'any') return true;
  if (expected === 'no_stream') return actual === 0;
  if (expected === 'stream_exists') return actual > 0;
  return expected === actual;
}

/** A stream's read result from its events in version order. */
export function streamResult(events: RecordedEvent[]): ReadStreamResult {
  const currentVersion = events.length ? events[events.length - 1].streamVersion : 0;
  return { events, currentVersion, exists: events.length > 0 };
}
