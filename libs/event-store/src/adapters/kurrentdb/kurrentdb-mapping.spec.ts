import {
  ANY,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  StreamNotFoundError,
  UnsupportedError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { StreamVersionConflict, type EventToAppend } from '../../event-store.port';
import {
  METADATA_PROPERTY,
  classifyStoredIds,
  decodeData,
  decodeMetadata,
  encodeMetadataProperties,
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
  toStreamState,
  toStreamVersion,
  toStreamVersionConflict,
} from './kurrentdb-mapping';

const e = (eventId: string): EventToAppend => ({ eventId, type: 'T', data: {} });

describe('KurrentDB mapping: expected versions', () => {
  it('maps port versions (event counts) to 0-based revisions, version 0 to NO_STREAM', () => {
    expect(toStreamState(undefined)).toBe(ANY);
    expect(toStreamState('any')).toBe(ANY);
    expect(toStreamState('no_stream')).toBe(NO_STREAM);
    expect(toStreamState('stream_exists')).toBe(STREAM_EXISTS);
    expect(toStreamState(0)).toBe(NO_STREAM);
    expect(toStreamState(1)).toBe(0n);
    expect(toStreamState(42)).toBe(41n);
  });

  it('rejects versions that are not whole numbers >= 0', () => {
    expect(() => toStreamState(-1)).toThrow(RangeError);
    expect(() => toStreamState(1.5)).toThrow(RangeError);
  });

  it('maps a current revision (or NO_STREAM) back to the port version', () => {
    expect(toStreamVersion(NO_STREAM)).toBe(0);
    expect(toStreamVersion(undefined)).toBe(0);
    expect(toStreamVersion(0n)).toBe(1);
    expect(toStreamVersion(41n)).toBe(42);
    expect(toStreamVersion(-5n)).toBe(0); // the server's deleted-stream marker
  });
});

describe('KurrentDB mapping: positions', () => {
  it('uses the log position as the global position when commit = prepare', () => {
    expect(toGlobalPosition({ commit: 1234n, prepare: 1234n })).toBe(1234);
  });

  it('refuses positions it cannot map faithfully', () => {
    expect(() => toGlobalPosition(undefined)).toThrow(/without its \$all position/);
    expect(() => toGlobalPosition({ commit: 2000n, prepare: 1500n })).toThrow(
      /explicit transaction/,
    );
    const huge = BigInt(Number.MAX_SAFE_INTEGER) + 1n;
    expect(() => toGlobalPosition({ commit: huge, prepare: huge })).toThrow(RangeError);
  });

  it('reads $all from START for 0 and from the event position otherwise', () => {
    expect(toReadPosition(0)).toBe(START);
    expect(toReadPosition(1234)).toEqual({ commit: 1234n, prepare: 1234n });
    expect(() => toReadPosition(-1)).toThrow(RangeError);
    expect(() => toReadPosition(0.5)).toThrow(RangeError);
  });
});

describe('KurrentDB mapping: errors', () => {
  it('turns a WrongExpectedVersionError into a StreamVersionConflict with the actual version', () => {
    const error = new WrongExpectedVersionError(undefined, {
      streamName: 's-1',
      expected: NO_STREAM,
      current: 2n,
    });
    expect(isWrongExpectedVersion(error)).toBe(true);
    const conflict = toStreamVersionConflict(error, 's-1', 'no_stream');
    expect(conflict).toBeInstanceOf(StreamVersionConflict);
    expect(conflict).toMatchObject({ streamName: 's-1', expected: 'no_stream', actual: 3 });
    const missing = new WrongExpectedVersionError(undefined, {
      streamName: 's-2',
      expected: STREAM_EXISTS,
      current: NO_STREAM,
    });
    expect(toStreamVersionConflict(missing, 's-2', 'stream_exists').actual).toBe(0);
  });

  it('recognises the client errors it handles, also by their type tag', () => {
    expect(isStreamNotFound(new StreamNotFoundError(undefined, 's'))).toBe(true);
    expect(isStreamNotFound({ type: 'stream-not-found' })).toBe(true);
    expect(isUnsupported(new UnsupportedError('multiStreamAppend', '25.1'))).toBe(true);
    expect(isWrongExpectedVersion({ type: 'wrong-expected-version' })).toBe(true);
    for (const other of [new Error('x'), null, undefined, 'text']) {
      expect(isStreamNotFound(other)).toBe(false);
      expect(isUnsupported(other)).toBe(false);
      expect(isWrongExpectedVersion(other)).toBe(false);
    }
  });
});

describe('KurrentDB mapping: idempotency and planning', () => {
  it('classifies an append by how many of its ids are stored (case-insensitive UUIDs)', () => {
    const stored = new Set(['aa', 'bb']);
    expect(classifyStoredIds(['AA', 'bb'], stored)).toEqual({ kind: 'all' });
    expect(classifyStoredIds(['aa', 'cc'], stored)).toEqual({ kind: 'some', stored: ['aa'] });
    expect(classifyStoredIds(['cc'], stored)).toEqual({ kind: 'none' });
    expect(classifyStoredIds([], stored)).toEqual({ kind: 'none' });
  });

  it('checks each entry against the read versions, as the SQL adapter does', () => {
    const versions = new Map([['b', 1]]);
    expect(() =>
      planAppends(
        [
          { streamName: 'a', events: [e('1')], expectedVersion: 'no_stream' },
          { streamName: 'b', events: [e('2')], expectedVersion: 'no_stream' },
        ],
        versions,
      ),
    ).toThrow(StreamVersionConflict);
  });

  it('folds a repeated stream into one write with one expectation the server can check', () => {
    const plans = planAppends(
      [
        { streamName: 'a', events: [e('1')] },
        { streamName: 'b', events: [e('2')], expectedVersion: 'stream_exists' },
        { streamName: 'a', events: [e('3'), e('4')], expectedVersion: 4 },
        { streamName: 'c', events: [], expectedVersion: 0 },
      ],
      new Map([
        ['a', 3],
        ['b', 5],
      ]),
    );
    expect(
      plans.map((p) => [p.streamName, p.events.length, p.expectedVersion, p.reportedExpected]),
    ).toEqual([
      ['a', 3, 3, 'any'],
      ['b', 1, 'stream_exists', 'stream_exists'],
      ['c', 0, 0, 0],
    ]);
  });

  it('rejects a repeated stream whose later entry contradicts the earlier one', () => {
    expect(() =>
      planAppends(
        [
          { streamName: 'a', events: [e('1')], expectedVersion: 'no_stream' },
          { streamName: 'a', events: [e('2')], expectedVersion: 'no_stream' },
        ],
        new Map(),
      ),
    ).toThrow(expect.objectContaining({ name: 'StreamVersionConflict', actual: 1 }));
  });
});

describe('KurrentDB mapping: events', () => {
  it('builds JSON events carrying the port event id, with metadata as JSON for the v1 append', () => {
    const data = toEventData({ eventId: 'id-1', type: 'T', data: { n: 1 }, metadata: { n: 2 } });
    expect(data).toMatchObject({
      id: 'id-1',
      type: 'T',
      contentType: 'application/json',
      data: { n: 1 },
      metadata: { n: 2 },
    });
    expect(toEventData({ eventId: 'id-2', type: 'T', data: undefined }).data).toBeNull();
  });

  it('encodes metadata as string properties for the multi-stream append', () => {
    expect(encodeMetadataProperties(undefined)).toBeUndefined();
    expect(encodeMetadataProperties({})).toBeUndefined();
    expect(encodeMetadataProperties({ correlationId: 'c-1' })).toEqual({ correlationId: 'c-1' });
    const rich = { correlationId: 'c-1', attempt: 2 };
    expect(encodeMetadataProperties(rich)).toEqual({ [METADATA_PROPERTY]: JSON.stringify(rich) });
    expect(
      toMultiAppendEventData({ eventId: 'i', type: 'T', data: {}, metadata: rich }).metadata,
    ).toEqual({ [METADATA_PROPERTY]: JSON.stringify(rich) });
  });

  it('decodes metadata written either way, without the server-added $schema properties', () => {
    expect(decodeMetadata(undefined)).toEqual({});
    expect(decodeMetadata({ correlationId: 'c-1' })).toEqual({ correlationId: 'c-1' });
    expect(
      decodeMetadata({ '$schema.format': 'Json', '$schema.name': 'T', correlationId: 'c-1' }),
    ).toEqual({ correlationId: 'c-1' });
    expect(
      decodeMetadata({
        '$schema.name': 'T',
        [METADATA_PROPERTY]: JSON.stringify({ attempt: 2, nested: { ok: true } }),
      }),
    ).toEqual({ attempt: 2, nested: { ok: true } });
    expect(decodeMetadata(new Uint8Array(Buffer.from('{"a":1}')))).toEqual({ a: 1 });
    expect(decodeMetadata(new Uint8Array(Buffer.from('not json')))).toEqual({});
  });

  it('decodes data the client could not parse as JSON from its bytes when possible', () => {
    expect(decodeData({ a: 1 })).toEqual({ a: 1 });
    expect(decodeData(new Uint8Array(Buffer.from('{"a":1}')))).toEqual({ a: 1 });
    const raw = new Uint8Array([0xff, 0x00]);
    expect(decodeData(raw)).toBe(raw);
  });

  it('maps a recorded event to the port shape', () => {
    const created = new Date('2025-01-02T03:04:05.000Z');
    expect(
      toRecordedEvent({
        streamId: 'child-1',
        id: 'e-1',
        type: 'Reported',
        revision: 0n,
        created,
        data: { n: 1 },
        metadata: { correlationId: 'c-1' },
        isJson: true,
        position: { commit: 5000n, prepare: 5000n },
      }),
    ).toEqual({
      eventId: 'e-1',
      type: 'Reported',
      data: { n: 1 },
      metadata: { correlationId: 'c-1' },
      streamName: 'child-1',
      streamVersion: 1,
      globalPosition: 5000,
      recordedAt: '2025-01-02T03:04:05.000Z',
    });
  });

  it('treats `$` event types and `$` streams as KurrentDB system events', () => {
    expect(isSystemEvent({ type: '$>', streamId: '$ce-child' })).toBe(true);
    expect(isSystemEvent({ type: '$metadata', streamId: '$$child-1' })).toBe(true);
    expect(isSystemEvent({ type: 'ProjectionUpdated', streamId: '$projections-x' })).toBe(true);
    expect(isSystemEvent({ type: 'Reported', streamId: 'child-1' })).toBe(false);
  });
});
