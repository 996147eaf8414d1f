import { randomUUID } from 'node:crypto';
import { EventIdReused, StreamVersionConflict, type EventToAppend } from '../../event-store.port';
import { eventStoreConformance } from '../../testing/event-store.conformance';
import { KurrentDbEventStore, MULTI_STREAM_APPEND_UNSUPPORTED } from './kurrentdb-event-store';
import { SimulatedKurrentDb } from './simulated-kurrentdb-client';

/*
 * The adapter's own logic on a SIMULATED client (see simulated-kurrentdb-client.ts): this checks
 * idempotency, conflicts, paging and position mapping as the adapter implements them, not that a
 * real KurrentDB behaves as modelled. The real-server run is test/integration/kurrentdb-event-store.int-spec.ts.
 */
eventStoreConformance('KurrentDB adapter on a simulated client', async () => {
  return new KurrentDbEventStore(new SimulatedKurrentDb().client);
});

const event = (
  type = 'Something',
  metadata: Record<string, unknown> = { c: '1' },
): EventToAppend => ({
  eventId: randomUUID(),
  type,
  data: { n: 1 },
  metadata,
});
const stream = () => `test-${randomUUID()}`;

describe('KurrentDbEventStore specifics (simulated client)', () => {
  let db: SimulatedKurrentDb;
  let store: KurrentDbEventStore;
  beforeEach(() => {
    db = new SimulatedKurrentDb();
    store = new KurrentDbEventStore(db.client, { idempotencyWindow: 3 });
  });
  afterEach(() => store.close());

  it('recognises a retry at a stale version after the stream moved past the read window', async () => {
    const name = stream();
    const retried = [event('A'), event('B')];
    await store.appendToStream(name, [event(), event()]);
    await store.appendToStream(name, retried, { expectedVersion: 2 });
    await store.appendToStream(name, [event(), event(), event(), event(), event()]);
    const again = await store.appendToStream(name, retried, { expectedVersion: 2 });
    expect(again).toEqual({
      streamName: name,
      nextExpectedVersion: 9,
      lastGlobalPosition: null,
      duplicate: true,
    });
    expect((await store.readStream(name)).currentVersion).toBe(9);
  });

  it('reports a partial reuse even when the server would have written (reused id not first)', async () => {
    const name = stream();
    const first = event();
    await store.appendToStream(name, [first]);
    const calls = db.appendCalls;
    await expect(store.appendToStream(name, [event(), first])).rejects.toEqual(
      new EventIdReused([first.eventId]),
    );
    expect(db.appendCalls).toBe(calls);
  });

  it('turns the server idempotent success of a racing identical retry into a stored-once result', async () => {
    const name = stream();
    const events = [event('A'), event('B')];
    const outcomes = await Promise.all([
      store.appendToStream(name, events, { expectedVersion: 'no_stream' }),
      store.appendToStream(name, events, { expectedVersion: 'no_stream' }),
    ]);
    expect(outcomes.map((o) => o.nextExpectedVersion)).toEqual([2, 2]);
    expect((await store.readStream(name)).events).toHaveLength(2);
  });

  it('carries the actual version of a conflict the server detects', async () => {
    const name = stream();
    await store.appendToStream(name, [event()]);
    const racing = Promise.all(
      [
        store.appendToStream(name, [event()], { expectedVersion: 1 }),
        store.appendToStream(name, [event(), event()], { expectedVersion: 1 }),
      ].map((p) =>
        p.then(
          () => null,
          (e: unknown) => e,
        ),
      ),
    );
    const errors = (await racing).filter((e) => e !== null);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(StreamVersionConflict);
    expect((errors[0] as StreamVersionConflict).actual).toBeGreaterThan(1);
  });

  it('handles a repeated stream and a check-only entry in appendToStreams as the SQL adapter does', async () => {
    const [a, b, c] = [stream(), stream(), stream()];
    await store.appendToStream(c, [event()]);
    const results = await store.appendToStreams([
      { streamName: a, events: [event()], expectedVersion: 'no_stream' },
      { streamName: b, events: [event(), event()] },
      { streamName: a, events: [event()], expectedVersion: 1 },
      { streamName: c, events: [], expectedVersion: 1 },
    ]);
    // as SqlEventStore: each entry reports its stream's version after the whole append
    expect(results.map((r) => [r.nextExpectedVersion, r.duplicate])).toEqual([
      [2, false],
      [2, false],
      [2, false],
      [1, false],
    ]);
    const readA = await store.readStream(a);
    expect(readA.events.map((e) => e.streamVersion)).toEqual([1, 2]);
    expect(results[0].lastGlobalPosition).toBe(readA.events[1].globalPosition);
    expect(results[2].lastGlobalPosition).toBe(readA.events[1].globalPosition);
    expect(results[1].lastGlobalPosition).toBe(
      (await store.readStream(b)).events[1].globalPosition,
    );
    expect(results[3].lastGlobalPosition).toBeNull();

    await expect(
      store.appendToStreams([
        { streamName: a, events: [event()], expectedVersion: 2 },
        { streamName: a, events: [event()], expectedVersion: 2 },
      ]),
    ).rejects.toBeInstanceOf(StreamVersionConflict);
  });

  it('round-trips metadata of any shape through the multi-stream append', async () => {
    const [a, b] = [stream(), stream()];
    const metadata = { correlationId: 'c-1', attempt: 2, nested: { ok: true }, none: null };
    await store.appendToStreams([
      { streamName: a, events: [event('X', metadata)] },
      { streamName: b, events: [event('Y', { correlationId: 'c-2' })] },
    ]);
    expect((await store.readStream(a)).events[0].metadata).toEqual(metadata);
    expect((await store.readStream(b)).events[0].metadata).toEqual({ correlationId: 'c-2' });
  });

  it('refuses appendToStreams on a server without the multi-stream append, writing nothing', async () => {
    db.multiStreamAppendSupported = false;
    const [a, b] = [stream(), stream()];
    await expect(
      store.appendToStreams([
        { streamName: a, events: [event()] },
        { streamName: b, events: [event()] },
      ]),
    ).rejects.toThrow(MULTI_STREAM_APPEND_UNSUPPORTED);
    expect(db.applicationRecords).toHaveLength(0);
    // one stream written (plus a check-only entry) still works: it is a single-stream append
    const results = await store.appendToStreams([
      { streamName: a, events: [event()] },
      { streamName: b, events: [], expectedVersion: 'no_stream' },
    ]);
    expect(results.map((r) => r.nextExpectedVersion)).toEqual([1, 0]);
  });

  it('leaves KurrentDB system events out of readAll and headPosition, and pages past them', async () => {
    const name = stream();
    for (let i = 0; i < 5; i += 1) await store.appendToStream(name, [event(String(i))]);
    const all = await store.readAll({ after: 0, maxCount: 100 });
    expect(all.map((e) => e.type)).toEqual(['0', '1', '2', '3', '4']);
    expect(await store.headPosition()).toBe(all[4].globalPosition);
    expect(all.map((e) => e.globalPosition)).toEqual(
      db.applicationRecords.map((r) => Number(r.position)),
    );
    const paged = [];
    let after = 0;
    for (;;) {
      const page = await store.readAll({ after, maxCount: 1 });
      if (page.length === 0) break;
      paged.push(...page);
      after = page[page.length - 1].globalPosition;
    }
    expect(paged).toEqual(all);
  });

  it('also leaves out events of `$` streams whose type has no `$`', async () => {
    const name = stream();
    await store.appendToStream(name, [event('first')]);
    db.writeSystemRecord('$projections-$all', 'ProjectionUpdated');
    await store.appendToStream(name, [event('second')]);
    for (let i = 0; i < 25; i += 1) db.writeSystemRecord('$projections-$all', 'ProjectionUpdated');
    const all = await store.readAll({ after: 0, maxCount: 10 });
    expect(all.map((e) => e.type)).toEqual(['first', 'second']);
    expect(await store.headPosition()).toBe(all[1].globalPosition);
  });

  it('reads an empty store as head 0 and readAll from 0 as empty', async () => {
    expect(await store.headPosition()).toBe(0);
    expect(await store.readAll({ after: 0, maxCount: 10 })).toEqual([]);
  });

  it('disposes the client on close, once', async () => {
    await store.close();
    await store.close();
    expect(db.disposed).toBe(true);
  });
});
