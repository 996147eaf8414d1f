import {
  ANY,
  BACKWARDS,
  END,
  EVENT_TYPE,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  StreamNotFoundError,
  UnsupportedError,
  WrongExpectedVersionError,
  type AppendStreamRequest,
  type AppendStreamState,
  type EventData,
  type Filter,
  type ReadPosition,
  type ReadRevision,
} from '@kurrent/kurrentdb-client';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { isClaimRecord } from './kurrentdb-event-id-claims';
import type { KurrentDbClientPort } from './kurrentdb-event-store';

/**
 * FOR TESTS ONLY: an in-process stand-in for @kurrent/kurrentdb-client that behaves the way the
 * client source and the KurrentDB server source say the real thing does, so the adapter's own
 * logic (idempotency, conflicts, position mapping, paging) runs in `npm test`. It proves nothing
 * about a real server: test/integration/kurrentdb-event-store.int-spec.ts does that.
 *
 * Modelled: every event is one log record, commit = prepare = its byte offset, gaps between
 * records; forward $all reads inclusive of the start, backward reads exclusive of the record
 * starting at the position; a start position that is not a record boundary is an error (as it
 * would be for the server's chunk reader); filters as the client builds them; StreamNotFoundError
 * while iterating a missing stream; v1 append idempotency (same ids at the expected slot: success
 * without a write; partial: WrongExpectedVersion); WrongExpectedVersionError with the current
 * revision; multi-stream metadata as string properties returned next to `$schema.*`; KurrentDB
 * writing its own `$` events (projection links) between application events; `subscribeToAll` as
 * the client's Subscription (an object-mode Readable with `unsubscribe()`): catch-up from a
 * record boundary, exclusive of the start position, then live pushes of every matching write, a
 * `caughtUp` event in between, the filter applied as the server applies it, and `unsubscribe()`
 * only cancelling the server side (the readable is left for the caller to end, as the client's
 * Transform is when its gRPC stream is cancelled).
 */
interface LogRecord {
  streamId: string;
  id: string;
  type: string;
  revision: bigint;
  created: Date;
  data: Uint8Array;
  metadata: Uint8Array;
  position: bigint;
  size: bigint;
}

interface LiveSubscription {
  stream: Readable;
  filter?: Filter;
}

export class SimulatedKurrentDb {
  private readonly log: LogRecord[] = [];
  private readonly streams = new Map<string, LogRecord[]>();
  private nextPosition = 1024n;
  multiStreamAppendSupported = true;
  disposed = false;
  /** Write a `$>` link (as the $by_category projection does) after each application write. */
  systemNoise = true;
  appendCalls = 0;
  subscribeToAllCalls = 0;
  lastSubscribeFilter: Filter | undefined;
  private readonly live = new Set<LiveSubscription>();

  constructor() {
    this.write('$settings', '$metadata', { system: true }, undefined, randomUUID());
  }

  /** One client object per server, so a test can spy on the calls the adapter makes. */
  get client(): KurrentDbClientPort {
    this.clientObject ??= this.createClient();
    return this.clientObject;
  }

  private clientObject: KurrentDbClientPort | undefined;

  private createClient(): KurrentDbClientPort {
    return {
      appendToStream: (
        streamName: string,
        events: EventData | EventData[],
        options: { streamState?: AppendStreamState } = {},
      ) => this.appendToStream(streamName, Array.isArray(events) ? events : [events], options),
      multiStreamAppend: (requests: AppendStreamRequest[]) => this.multiStreamAppend(requests),
      readStream: (streamName: string, options = {}) => this.readStream(streamName, options),
      readAll: (options = {}) => this.readAll(options),
      subscribeToAll: (options = {}) => this.subscribeToAll(options),
      dispose: async () => {
        this.disposed = true;
      },
    } as unknown as KurrentDbClientPort;
  }

  /** A record KurrentDB itself writes whose type has no `$` (the server-side filter keeps it). */
  writeSystemRecord(streamName: string, type: string): void {
    this.write(streamName, type, { system: true }, undefined, randomUUID());
  }

  /** What a lost connection or a server restart does to live subscriptions: they fail. */
  dropSubscriptions(error: Error = new Error('simulated server: connection lost')): void {
    for (const subscription of [...this.live]) {
      this.live.delete(subscription);
      subscription.stream.destroy(error);
    }
  }

  /** Subscriptions the server is still pushing to. */
  get liveSubscriptions(): number {
    return this.live.size;
  }

  /** Records of the application's own streams, in log order (not KurrentDB's, not claims). */
  get applicationRecords(): LogRecord[] {
    return this.log.filter(
      (r) => !r.type.startsWith('$') && !r.streamId.startsWith('$') && !isClaimRecord(r),
    );
  }

  /** The adapter's event-id claims (kurrentdb-event-id-claims.ts), in log order. */
  get claimRecords(): LogRecord[] {
    return this.log.filter((r) => isClaimRecord(r));
  }

  private async appendToStream(
    streamName: string,
    events: EventData[],
    { streamState = ANY }: { streamState?: AppendStreamState },
  ) {
    this.appendCalls += 1;
    await tick();
    const stream = this.streams.get(streamName) ?? [];
    const current = BigInt(stream.length) - 1n;
    const conflict = () =>
      new WrongExpectedVersionError(undefined, {
        streamName,
        expected: streamState,
        current: current < 0n ? NO_STREAM : current,
      });
    const idempotentFrom = (start: number) => {
      const same = events.every((e, i) => stream[start + i]?.id === e.id.toLowerCase());
      if (!same) throw conflict();
      const last = stream[start + events.length - 1];
      return {
        success: true,
        nextExpectedRevision: last.revision,
        position: { commit: last.position, prepare: last.position },
      };
    };
    if (streamState === ANY || streamState === STREAM_EXISTS) {
      if (streamState === STREAM_EXISTS && current < 0n) throw conflict();
      const first = stream.findIndex((r) => r.id === events[0]?.id.toLowerCase());
      if (first >= 0) return idempotentFrom(first);
    } else {
      const expected = streamState === NO_STREAM ? -1n : streamState;
      if (expected < current) return idempotentFrom(Number(expected + 1n));
      if (expected !== current) throw conflict();
    }
    let last: LogRecord | undefined;
    for (const e of events) last = this.write(streamName, e.type, e.data, e.metadata, e.id);
    this.noise(streamName);
    return {
      success: true,
      nextExpectedRevision: last!.revision,
      position: { commit: last!.position, prepare: last!.position },
    };
  }

  private async multiStreamAppend(requests: AppendStreamRequest[]) {
    if (!this.multiStreamAppendSupported) throw new UnsupportedError('multiStreamAppend', '25.1');
    for (const request of requests) {
      for (const { metadata } of request.events) {
        if (metadata == null) continue;
        if (
          metadata instanceof Uint8Array ||
          typeof metadata !== 'object' ||
          Array.isArray(metadata) ||
          Object.values(metadata).some((value) => typeof value !== 'string')
        ) {
          throw new Error(
            'multiStreamAppend requires metadata to be a plain object with string keys and string values.',
          );
        }
      }
    }
    await tick();
    const names = requests.map((r) => r.streamName);
    if (new Set(names).size !== names.length) {
      throw new Error('simulated server: a stream appears twice in one multi-stream append');
    }
    for (const r of requests) {
      const current = BigInt(this.streams.get(r.streamName)?.length ?? 0) - 1n;
      const ok =
        r.expectedState === ANY ||
        (r.expectedState === NO_STREAM && current < 0n) ||
        (r.expectedState === STREAM_EXISTS && current >= 0n) ||
        r.expectedState === current;
      if (!ok) {
        throw new WrongExpectedVersionError(undefined, {
          streamName: r.streamName,
          expected: r.expectedState,
          current: current < 0n ? NO_STREAM : current,
        });
      }
    }
    let last: LogRecord | undefined;
    const responses = requests.map((r) => {
      for (const e of r.events) {
        const properties = {
          '$schema.format': 'Json',
          '$schema.name': e.type,
          ...((e.metadata as Record<string, string> | undefined) ?? {}),
        };
        last = this.write(r.streamName, e.type, e.data, properties, e.id);
      }
      return {
        streamName: r.streamName,
        revision: BigInt(this.streams.get(r.streamName)!.length - 1),
      };
    });
    this.noise(requests[0].streamName);
    return { position: last!.position, responses };
  }

  private async *readStream(
    streamName: string,
    {
      fromRevision = START,
      direction = 'forwards',
      maxCount = Number.MAX_SAFE_INTEGER,
    }: { fromRevision?: ReadRevision; direction?: string; maxCount?: number | bigint },
  ) {
    await tick();
    const stream = this.streams.get(streamName);
    if (!stream?.length) throw new StreamNotFoundError(undefined, streamName);
    const limit = Number(maxCount);
    let picked: LogRecord[];
    if (direction === BACKWARDS) {
      const from =
        fromRevision === END
          ? stream.length - 1
          : fromRevision === START
            ? 0
            : Number(fromRevision);
      picked = stream.slice(0, from + 1).reverse();
    } else {
      const from =
        fromRevision === START ? 0 : fromRevision === END ? stream.length : Number(fromRevision);
      picked = stream.slice(from);
    }
    for (const record of picked.slice(0, limit)) yield { event: toClientEvent(record) };
  }

  private async *readAll({
    fromPosition = START,
    direction = 'forwards',
    maxCount = Number.MAX_SAFE_INTEGER,
    filter,
  }: {
    fromPosition?: ReadPosition;
    direction?: string;
    maxCount?: number | bigint;
    filter?: Filter;
  }) {
    await tick();
    const position = this.checkPosition(fromPosition);
    const limit = Number(maxCount);
    const picked =
      direction === BACKWARDS
        ? this.log
            .filter((r) => position === undefined || r.position + r.size <= position)
            .reverse()
        : this.log.filter((r) => position === undefined || r.position >= position);
    let count = 0;
    for (const record of picked) {
      if (count >= limit) return;
      if (filter && !matches(filter, record)) continue;
      count += 1;
      yield { event: toClientEvent(record), commitPosition: record.position };
    }
  }

  private subscribeToAll({
    fromPosition = START,
    filter,
  }: {
    fromPosition?: ReadPosition;
    filter?: Filter;
  }) {
    this.subscribeToAllCalls += 1;
    this.lastSubscribeFilter = filter;
    const stream = new Readable({ objectMode: true, read() {} });
    const subscription: LiveSubscription = { stream, filter };
    // The server answers asynchronously: catch-up first, then live, with no gap in between.
    setImmediate(() => {
      if (stream.destroyed) return;
      let start: number;
      try {
        const position = this.checkPosition(fromPosition);
        start =
          fromPosition === END
            ? this.log.length
            : position === undefined
              ? 0
              : this.log.filter((r) => r.position <= position).length;
      } catch (error) {
        stream.destroy(error as Error);
        return;
      }
      for (const record of this.log.slice(start)) this.push(subscription, record);
      const last = this.log[this.log.length - 1];
      stream.emit('caughtUp', {
        date: new Date(),
        position: last ? { commit: last.position, prepare: last.position } : undefined,
      });
      this.live.add(subscription);
    });
    return Object.assign(stream, {
      unsubscribe: async () => {
        this.live.delete(subscription);
      },
    });
  }

  private push(subscription: LiveSubscription, record: LogRecord): void {
    if (subscription.filter && !matches(subscription.filter, record)) return;
    subscription.stream.push({ event: toClientEvent(record), commitPosition: record.position });
  }

  private checkPosition(from: ReadPosition): bigint | undefined {
    if (from === START || from === END) return undefined;
    const { commit, prepare } = from;
    if (commit !== prepare) {
      throw new Error(`simulated server: invalid position ${commit}/${prepare}`);
    }
    if (commit !== this.nextPosition && !this.log.some((r) => r.position === commit)) {
      throw new Error(`simulated server: ${commit} is not a record boundary`);
    }
    return commit;
  }

  private write(
    streamName: string,
    type: string,
    data: unknown,
    metadata: unknown,
    id: string,
  ): LogRecord {
    const stream = this.streams.get(streamName) ?? [];
    const body = Buffer.from(JSON.stringify(data), 'utf8');
    const meta =
      metadata === undefined ? new Uint8Array() : Buffer.from(JSON.stringify(metadata), 'utf8');
    const record: LogRecord = {
      streamId: streamName,
      id: id.toLowerCase(),
      type,
      revision: BigInt(stream.length),
      created: new Date(),
      data: new Uint8Array(body),
      metadata: new Uint8Array(meta),
      position: this.nextPosition,
      size: BigInt(96 + body.length + meta.length),
    };
    this.nextPosition += record.size;
    stream.push(record);
    this.streams.set(streamName, stream);
    this.log.push(record);
    for (const subscription of this.live) this.push(subscription, record);
    return record;
  }

  private noise(streamName: string) {
    if (!this.systemNoise) return;
    const category = streamName.split('-')[0];
    this.write(`$ce-${category}`, '$>', `0@${streamName}`, { $v: '1' }, randomUUID());
  }
}

/** The simulated client writes ids lower-case, as KurrentDB returns UUIDs. */
function toClientEvent(record: LogRecord) {
  const text = Buffer.from(record.data).toString('utf8');
  return {
    streamId: record.streamId,
    id: record.id,
    revision: record.revision,
    type: record.type,
    data: JSON.parse(text) as unknown,
    metadata: record.metadata.length
      ? (JSON.parse(Buffer.from(record.metadata).toString('utf8')) as unknown)
      : undefined,
    isJson: true,
    created: record.created,
    position: { commit: record.position, prepare: record.position },
  };
}

function matches(filter: Filter, record: LogRecord): boolean {
  const subject = filter.filterOn === EVENT_TYPE ? record.type : record.streamId;
  if ('regex' in filter) return new RegExp(filter.regex).test(subject);
  return filter.prefixes.some((p) => subject.startsWith(p));
}

function tick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
