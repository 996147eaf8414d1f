/**
 * Pure translations between the EventStore port and @kurrent/kurrentdb-client 1.3.x, kept apart
 * from the adapter so they can be unit-tested without a server.
 *
 * Facts these rely on (client = node_modules/@kurrent/kurrentdb-client/dist, server = KurrentDB):
 * - Expected state (client types/index.d.ts `AppendStreamState`): ANY | NO_STREAM | STREAM_EXISTS
 *   | bigint, the bigint being the 0-based revision of the stream's last event. The port counts
 *   events (version N = N events, 0 = empty), so revision = version - 1 and version 0 = NO_STREAM.
 * - Positions (types `Position = { commit: bigint; prepare: bigint }`): the server gives every event
 *   written by a gRPC append (and by the 25.1 multi-stream append) its own prepare record flagged
 *   IsCommitted, and reports such a record in $all at commit = prepare = that record's log position
 *   (KurrentDB AllReader: `new CommitEventRecord(eventRecord, prepare.LogPosition)`). So one append
 *   of several events does NOT share a commit position, and `globalPosition = Number(commit)` is
 *   unique and strictly increasing in $all order. Only legacy explicit transactions (TCP API, gone
 *   from KurrentDB) have commit != prepare; `toGlobalPosition` refuses those loudly rather than
 *   inventing an order.
 * - $all reads from a position are inclusive (AllReader: `TFPos(prepare.LogPosition, ...) >= pos`),
 *   backward reads from a position exclude the record that starts there; the port's `after` is
 *   exclusive, so the adapter skips the event sitting exactly at `after`.
 * - `WrongExpectedVersionError.actualState` is NO_STREAM or the current 0-based revision
 *   (utils/CommandError.d.ts), set by both the v1 append and the v2 multi-stream append.
 * - The multi-stream append (streams/appendToStream/multiStreamAppend.js) only takes metadata as
 *   string-to-string properties and the server hands them back, read through the v1 API, inside
 *   the metadata JSON next to `$schema.name` / `$schema.format` (client test appendRecords.test.ts).
 */
import {
  ANY,
  ErrorType,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  StreamNotFoundError,
  UnsupportedError,
  WrongExpectedVersionError,
  jsonEvent,
  type AppendStreamState,
  type CurrentStreamState,
  type EventData,
  type JSONType,
  type Position,
  type ReadPosition,
} from '@kurrent/kurrentdb-client';
import {
  StreamVersionConflict,
  versionMatches,
  type EventToAppend,
  type ExpectedStreamVersion,
  type RecordedEvent,
  type StreamAppend,
} from '../../event-store.port';

/** The parts of the client's recorded event (types/events.d.ts `RecordedEvent`) the port needs. */
export interface KurrentRecord {
  streamId: string;
  id: string;
  type: string;
  revision: bigint;
  created: Date;
  data: unknown;
  metadata?: unknown;
  isJson: boolean;
  position?: Position;
}

/** The property that carries metadata the multi-stream append cannot take as flat strings. */
export const METADATA_PROPERTY = 'homeward.metadata';

export function toStreamState(expected: ExpectedStreamVersion | undefined): AppendStreamState {
  if (expected === undefined || expected === 'any') return ANY;
  if (expected === 'no_stream') return NO_STREAM;
  if (expected === 'stream_exists') return STREAM_EXISTS;
  if (!Number.isSafeInteger(expected) || expected < 0) {
    throw new RangeError(`expected version must be a whole number >= 0, got ${expected}`);
  }
  return expected === 0 ? NO_STREAM : BigInt(expected - 1);
}

/** A stream's 0-based revision (or NO_STREAM) as the port's version: the number of events. */
export function toStreamVersion(state: CurrentStreamState | undefined): number {
  if (state === undefined || state === NO_STREAM) return 0;
  // Negative revisions are the server's markers for deleted / tombstoned streams.
  if (state < 0n) return 0;
  return toSafeNumber(state + 1n, 'stream revision');
}

export function toSafeNumber(value: bigint, what: string): number {
  if (value < 0n || value > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`${what} ${value} does not fit a safe JavaScript number`);
  }
  return Number(value);
}

/** An event's $all position as the port's single global position. */
export function toGlobalPosition(position: Position | undefined): number {
  if (!position) {
    throw new Error(
      'KurrentDB returned an event without its $all position (server older than 22.6?)',
    );
  }
  if (position.commit !== position.prepare) {
    throw new Error(
      `event at commit ${position.commit} / prepare ${position.prepare} was written by an explicit ` +
        'transaction (legacy TCP API); this adapter maps positions to one number and cannot order those',
    );
  }
  return toSafeNumber(position.commit, 'log position');
}

/** Where a $all read should start to see what comes after the port's global position. */
export function toReadPosition(globalPosition: number): ReadPosition {
  if (!Number.isSafeInteger(globalPosition) || globalPosition < 0) {
    throw new RangeError(`global position must be a whole number >= 0, got ${globalPosition}`);
  }
  if (globalPosition === 0) return START;
  const at = BigInt(globalPosition);
  return { commit: at, prepare: at };
}

export function isWrongExpectedVersion(error: unknown): error is WrongExpectedVersionError {
  return (
    error instanceof WrongExpectedVersionError ||
    (error as { type?: unknown } | null)?.type === ErrorType.WRONG_EXPECTED_VERSION
  );
}

export function isStreamNotFound(error: unknown): boolean {
  return (
    error instanceof StreamNotFoundError ||
    (error as { type?: unknown } | null)?.type === ErrorType.STREAM_NOT_FOUND
  );
}

export function isUnsupported(error: unknown): boolean {
  return (
    error instanceof UnsupportedError ||
    (error as { type?: unknown } | null)?.type === ErrorType.UNSUPPORTED
  );
}

/** The client's optimistic-concurrency failure in the port's terms. */
export function toStreamVersionConflict(
  error: Pick<WrongExpectedVersionError, 'actualState'>,
  streamName: string,
  expected: ExpectedStreamVersion,
): StreamVersionConflict {
  return new StreamVersionConflict(streamName, expected, toStreamVersion(error.actualState));
}

export function isSystemEvent(event: Pick<KurrentRecord, 'type' | 'streamId'>): boolean {
  return event.type.startsWith('$') || event.streamId.startsWith('$');
}

/** Event ids compared the way KurrentDB stores them (UUIDs, case-insensitive). */
export function idKey(eventId: string): string {
  return eventId.toLowerCase();
}

export type StoredIdsVerdict =
  { kind: 'none' } | { kind: 'all' } | { kind: 'some'; stored: string[] };

/** All ids already stored = a retried append; some = another append reused ids. */
export function classifyStoredIds(ids: string[], stored: ReadonlySet<string>): StoredIdsVerdict {
  const found = ids.filter((id) => stored.has(idKey(id)));
  if (ids.length > 0 && found.length === ids.length) return { kind: 'all' };
  if (found.length > 0) return { kind: 'some', stored: found };
  return { kind: 'none' };
}

export interface PlannedAppend {
  streamName: string;
  events: EventToAppend[];
  /** The one condition on the stream's version before the write that all its entries imply. */
  expectedVersion: ExpectedStreamVersion;
  /** The caller's own expectation, for the conflict it reports. */
  reportedExpected: ExpectedStreamVersion;
}

/**
 * Checks each entry against the versions just read (entries for the same stream see the ones
 * before them, as in the SQL adapter) and folds entries for the same stream into one write whose
 * single expected version the server can enforce atomically. A repeated stream's events are thus
 * written together, at the place of its first entry in the $all order.
 */
export function planAppends(
  appends: StreamAppend[],
  versions: ReadonlyMap<string, number>,
): PlannedAppend[] {
  const plans = new Map<
    string,
    {
      streamName: string;
      events: EventToAppend[];
      exact?: number;
      mustExist: boolean;
      reported: ExpectedStreamVersion;
    }
  >();
  for (const a of appends) {
    let plan = plans.get(a.streamName);
    if (!plan) {
      plan = {
        streamName: a.streamName,
        events: [],
        mustExist: false,
        reported: a.expectedVersion ?? 'any',
      };
      plans.set(a.streamName, plan);
    }
    const offset = plan.events.length;
    const actual = (versions.get(a.streamName) ?? 0) + offset;
    if (!versionMatches(a.expectedVersion, actual)) {
      throw new StreamVersionConflict(a.streamName, a.expectedVersion ?? 'any', actual);
    }
    if (a.expectedVersion === 'no_stream') plan.exact = 0;
    else if (typeof a.expectedVersion === 'number') plan.exact = a.expectedVersion - offset;
    else if (a.expectedVersion === 'stream_exists' && offset === 0) plan.mustExist = true;
    plan.events.push(...a.events);
  }
  return [...plans.values()].map((p) => ({
    streamName: p.streamName,
    events: p.events,
    expectedVersion: p.exact ?? (p.mustExist ? 'stream_exists' : 'any'),
    reportedExpected: p.reported,
  }));
}

/** For the v1 append: metadata travels as JSON, so any shape goes. */
export function toEventData(event: EventToAppend): EventData {
  return jsonEvent({
    id: event.eventId,
    type: event.type,
    data: (event.data ?? null) as JSONType,
    metadata: event.metadata ?? {},
  });
}

/** For the multi-stream append, whose metadata must be string-to-string properties. */
export function toMultiAppendEventData(event: EventToAppend): EventData {
  return jsonEvent({
    id: event.eventId,
    type: event.type,
    data: (event.data ?? null) as JSONType,
    metadata: encodeMetadataProperties(event.metadata),
  });
}

export function encodeMetadataProperties(
  metadata: Record<string, unknown> | undefined,
): Record<string, string> | undefined {
  if (!metadata) return undefined;
  const entries = Object.entries(metadata);
  if (entries.length === 0) return undefined;
  const flat = entries.every(
    ([key, value]) =>
      typeof value === 'string' && key !== METADATA_PROPERTY && !key.startsWith('$schema.'),
  );
  return flat
    ? (metadata as Record<string, string>)
    : { [METADATA_PROPERTY]: JSON.stringify(metadata) };
}

export function decodeMetadata(raw: unknown): Record<string, unknown> {
  const value = raw instanceof Uint8Array ? parseJson(Buffer.from(raw).toString('utf8')) : raw;
  if (!isPlainObject(value)) return {};
  const wrapped = value[METADATA_PROPERTY];
  if (typeof wrapped === 'string') {
    const parsed = parseJson(wrapped);
    if (isPlainObject(parsed)) return parsed;
  }
  // `$schema.*` is what the server adds to events written by the multi-stream append.
  return Object.fromEntries(Object.entries(value).filter(([key]) => !key.startsWith('$schema.')));
}

export function decodeData(data: unknown): unknown {
  if (!(data instanceof Uint8Array)) return data;
  const text = Buffer.from(data).toString('utf8');
  const parsed = parseJson(text);
  return parsed === undefined ? data : parsed;
}

export function toRecordedEvent(event: KurrentRecord): RecordedEvent {
  return {
    eventId: event.id,
    type: event.type,
    data: decodeData(event.data),
    metadata: decodeMetadata(event.metadata),
    streamName: event.streamId,
    streamVersion: toStreamVersion(event.revision),
    globalPosition: toGlobalPosition(event.position),
    recordedAt: new Date(event.created).toISOString(),
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
