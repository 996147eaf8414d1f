import { randomUUID } from 'node:crypto';
import {
  EventIdReused,
  StreamVersionConflict,
  type EventStore,
  type EventToAppend,
  type RecordedEvent,
} from '../event-store.port';

/**
 * The EventStore port's contract. Every adapter runs this same suite (in-memory, PGlite,
 * PostgreSQL, KurrentDB when a server is available), so they can be swapped without surprise.
 * Streams get fresh names per test, so the suite can share one store per file.
 */
export function eventStoreConformance(
  adapterName: string,
  open: () => Promise<EventStore>,
  close: () => Promise<void> = async () => undefined,
): void {
  describe(`EventStore conformance: ${adapterName}`, () => {
    let store: EventStore;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store.close();
      await close();
    });

    const stream = (category = 'test') => `${category}-${randomUUID()}`;
    const event = (type = 'Something', data: unknown = { n: 1 }): EventToAppend => ({
      eventId: randomUUID(),
      type,
      data,
      metadata: { correlationId: 'c-1' },
    });

    it('appends to a new stream and reads it back in order with versions from 1', async () => {
      const name = stream();
      const events = [event('A', { n: 1 }), event('B', { n: 2 }), event('C', { n: 3 })];
      const result = await store.appendToStream(name, events, { expectedVersion: 'no_stream' });
      expect(result).toMatchObject({ nextExpectedVersion: 3, duplicate: false });
      const read = await store.readStream(name);
      expect(read.exists).toBe(true);
      expect(read.currentVersion).toBe(3);
      expect(read.events.map((e) => [e.type, e.streamVersion, e.data])).toEqual([
        ['A', 1, { n: 1 }],
        ['B', 2, { n: 2 }],
        ['C', 3, { n: 3 }],
      ]);
      expect(read.events[0].metadata).toEqual({ correlationId: 'c-1' });
      expect(read.events[0].eventId).toBe(events[0].eventId);
    });

    it('reads an unknown stream as empty at version 0', async () => {
      expect(await store.readStream(stream())).toEqual({
        events: [],
        currentVersion: 0,
        exists: false,
      });
    });

    it('reads several streams at once, each exactly as readStream does, unknown ones empty', async () => {
      const [a, b, unknown] = [stream(), stream(), stream()];
      await store.appendToStream(a, [event('A1'), event('A2')]);
      await store.appendToStream(b, [event('B1')]);
      await store.appendToStream(a, [event('A3')]);
      const read = await store.readStreams([b, unknown, a, b]);
      expect([...read.keys()].sort()).toEqual([a, b, unknown].sort());
      expect(read.get(a)).toEqual(await store.readStream(a));
      expect(read.get(a)?.events.map((e) => e.type)).toEqual(['A1', 'A2', 'A3']);
      expect(read.get(a)?.currentVersion).toBe(3);
      expect(read.get(b)).toEqual(await store.readStream(b));
      expect(read.get(unknown)).toEqual({ events: [], currentVersion: 0, exists: false });
      expect((await store.readStreams([])).size).toBe(0);
    });

    it('keeps nested, unicode and null data exactly', async () => {
      const name = stream();
      const data = {
        child: { name: 'Zoë Ó’Brien', tags: ['a', 'b'], nothing: null },
        count: 0,
        ok: false,
      };
      await store.appendToStream(name, [event('Shaped', data)]);
      expect((await store.readStream(name)).events[0].data).toEqual(data);
    });

    it('rejects an append at the wrong expected version and writes nothing', async () => {
      const name = stream();
      await store.appendToStream(name, [event()], { expectedVersion: 'no_stream' });
      await expect(
        store.appendToStream(name, [event()], { expectedVersion: 0 }),
      ).rejects.toBeInstanceOf(StreamVersionConflict);
      await expect(
        store.appendToStream(name, [event()], { expectedVersion: 'no_stream' }),
      ).rejects.toBeInstanceOf(StreamVersionConflict);
      await expect(
        store.appendToStream(stream(), [event()], { expectedVersion: 'stream_exists' }),
      ).rejects.toBeInstanceOf(StreamVersionConflict);
      expect((await store.readStream(name)).currentVersion).toBe(1);
      await store.appendToStream(name, [event()], { expectedVersion: 1 });
      expect((await store.readStream(name)).currentVersion).toBe(2);
    });

    it('lets exactly one of two concurrent appends at the same version win', async () => {
      const name = stream();
      await store.appendToStream(name, [event()]);
      const a = event('FromA');
      const b = event('FromB');
      const outcomes = await Promise.allSettled([
        store.appendToStream(name, [a], { expectedVersion: 1 }),
        store.appendToStream(name, [b], { expectedVersion: 1 }),
      ]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const rejected = outcomes.filter((o) => o.status === 'rejected');
      expect(rejected).toHaveLength(1);
      expect(rejected[0].reason).toBeInstanceOf(StreamVersionConflict);
      const read = await store.readStream(name);
      expect(read.currentVersion).toBe(2);
      const winner = outcomes[0].status === 'fulfilled' ? 'FromA' : 'FromB';
      expect(read.events[1].type).toBe(winner);
    });

    it('lets exactly one of ten concurrent appends at the same version win', async () => {
      const name = stream();
      const outcomes = await Promise.allSettled(
        Array.from({ length: 10 }, () =>
          store.appendToStream(name, [event()], { expectedVersion: 'no_stream' }),
        ),
      );
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      expect((await store.readStream(name)).currentVersion).toBe(1);
    });

    it('decides each of many concurrent appends alone: a refused one refuses no other', async () => {
      const shared = stream('contested');
      const twice = [event('Once')];
      const twiceStream = stream('twice');
      const taken = event('Taken');
      const takenStream = stream('taken');
      await store.appendToStream(takenStream, [taken]);
      const free = Array.from({ length: 12 }, () => stream('free'));
      const outcomes = await Promise.allSettled([
        ...free.map((name) => store.appendToStream(name, [event(), event()])),
        ...Array.from({ length: 4 }, () =>
          store.appendToStream(shared, [event()], { expectedVersion: 'no_stream' }),
        ),
        store.appendToStream(twiceStream, twice),
        store.appendToStream(twiceStream, twice),
        store.appendToStream(stream('reuser'), [taken]),
        // Several streams at once, one of them contested: all of it or none.
        store.appendToStreams([
          { streamName: stream('with-contested'), events: [event()] },
          { streamName: shared, events: [event()], expectedVersion: 'no_stream' },
        ]),
      ]);
      const values = outcomes.map((o) => (o.status === 'fulfilled' ? o.value : o.reason));
      for (const [i, name] of free.entries()) {
        expect(values[i]).toMatchObject({
          streamName: name,
          nextExpectedVersion: 2,
          duplicate: false,
        });
        expect((await store.readStream(name)).events).toHaveLength(2);
      }
      const contested = values.slice(12, 16).concat([values[19]]);
      expect(contested.filter((v) => v instanceof StreamVersionConflict)).toHaveLength(4);
      expect((await store.readStream(shared)).currentVersion).toBe(1);
      // Sent twice at once: stored once, and neither refused (KurrentDB may call both new).
      const [first, second] = values.slice(16, 18) as Array<{ duplicate: boolean }>;
      expect([first.duplicate, second.duplicate]).toContain(false);
      expect((await store.readStream(twiceStream)).events).toHaveLength(1);
      expect(values[18]).toBeInstanceOf(EventIdReused);
    });

    it('treats a re-append of the same event ids as a duplicate, even at a stale version', async () => {
      const name = stream();
      const events = [event('A'), event('B')];
      await store.appendToStream(name, events, { expectedVersion: 'no_stream' });
      const before = await store.headPosition();
      const again = await store.appendToStream(name, events, { expectedVersion: 'no_stream' });
      expect(again).toEqual({
        streamName: name,
        nextExpectedVersion: 2,
        lastGlobalPosition: null,
        duplicate: true,
      });
      expect((await store.readStream(name)).events).toHaveLength(2);
      expect(await store.headPosition()).toBe(before);
    });

    it('refuses an append that reuses some stored event ids, and writes none of it', async () => {
      const name = stream();
      const first = event();
      await store.appendToStream(name, [first]);
      await expect(store.appendToStream(name, [first, event()])).rejects.toBeInstanceOf(
        EventIdReused,
      );
      expect((await store.readStream(name)).currentVersion).toBe(1);
    });

    it('refuses event ids already stored on a different stream: a conflict, never a duplicate', async () => {
      const first = stream();
      const second = stream();
      const events = [event('A'), event('B')];
      await store.appendToStream(first, events);
      const before = await store.headPosition();
      await expect(store.appendToStream(second, events)).rejects.toBeInstanceOf(EventIdReused);
      await expect(
        store.appendToStreams([{ streamName: second, events: [events[0]] }]),
      ).rejects.toBeInstanceOf(EventIdReused);
      expect((await store.readStream(second)).exists).toBe(false);
      expect(await store.headPosition()).toBe(before);
    });

    it('appends to several streams atomically: one conflict writes nothing anywhere', async () => {
      const a = stream();
      const b = stream();
      await store.appendToStream(b, [event()]);
      await expect(
        store.appendToStreams([
          { streamName: a, events: [event()], expectedVersion: 'no_stream' },
          { streamName: b, events: [event()], expectedVersion: 'no_stream' },
        ]),
      ).rejects.toBeInstanceOf(StreamVersionConflict);
      expect((await store.readStream(a)).exists).toBe(false);
      expect((await store.readStream(b)).currentVersion).toBe(1);

      const results = await store.appendToStreams([
        { streamName: a, events: [event(), event()], expectedVersion: 'no_stream' },
        { streamName: b, events: [event()], expectedVersion: 1 },
      ]);
      expect(results.map((r) => r.nextExpectedVersion)).toEqual([2, 2]);
    });

    it('gives strictly increasing global positions in append order across streams', async () => {
      const start = await store.headPosition();
      const names = [stream(), stream(), stream()];
      const ids: string[] = [];
      for (const name of [...names, ...names]) {
        const e = event();
        ids.push(e.eventId);
        await store.appendToStream(name, [e]);
      }
      const read = await store.readAll({ after: start, maxCount: 100 });
      expect(read.map((e) => e.eventId)).toEqual(ids);
      const positions = read.map((e) => e.globalPosition);
      positions.forEach((p, i) => i > 0 && expect(p).toBeGreaterThan(positions[i - 1]));
      expect(await store.headPosition()).toBe(positions[positions.length - 1]);
    });

    it('reads all from a checkpoint, exclusive, in pages', async () => {
      const start = await store.headPosition();
      const name = stream();
      await store.appendToStream(name, [
        event('1'),
        event('2'),
        event('3'),
        event('4'),
        event('5'),
      ]);
      const page1 = await store.readAll({ after: start, maxCount: 2 });
      expect(page1.map((e) => e.type)).toEqual(['1', '2']);
      const page2 = await store.readAll({ after: page1[1].globalPosition, maxCount: 2 });
      expect(page2.map((e) => e.type)).toEqual(['3', '4']);
      const page3 = await store.readAll({ after: page2[1].globalPosition, maxCount: 10 });
      expect(page3.map((e) => e.type)).toEqual(['5']);
    });

    it('subscribes from a checkpoint and delivers later appends in order', async () => {
      const name = stream('sub');
      await store.appendToStream(name, [event('before')]);
      const checkpoint = await store.headPosition();
      const seen: RecordedEvent[] = [];
      const subscription = store.subscribe({
        after: checkpoint,
        onEvents: async (events) => {
          seen.push(...events.filter((e) => e.streamName === name));
        },
      });
      try {
        await store.appendToStream(name, [event('x1')]);
        const last = await store.appendToStream(name, [event('x2'), event('x3')]);
        await subscription.waitFor(last.lastGlobalPosition!);
        expect(seen.map((e) => e.type)).toEqual(['x1', 'x2', 'x3']);
      } finally {
        await subscription.stop();
      }
    });

    it('redelivers a batch whose handler failed instead of skipping it', async () => {
      const name = stream('retry');
      const checkpoint = await store.headPosition();
      const result = await store.appendToStream(name, [event('only')]);
      let attempts = 0;
      const delivered: string[] = [];
      const subscription = store.subscribe({
        after: checkpoint,
        onEvents: async (events) => {
          attempts += 1;
          if (attempts === 1) throw new Error('handler failed once');
          delivered.push(...events.filter((e) => e.streamName === name).map((e) => e.type));
        },
      });
      try {
        await subscription.waitFor(result.lastGlobalPosition!);
        expect(attempts).toBeGreaterThanOrEqual(2);
        expect(delivered).toEqual(['only']);
      } finally {
        await subscription.stop();
      }
    });

    it('gives several subscriptions each its events from its own checkpoint, a failing one holding back no other', async () => {
      const name = stream('many');
      const before = await store.headPosition();
      const first = await store.appendToStream(name, [event('a1'), event('a2')]);
      const mid = first.lastGlobalPosition!;
      const fromStart: string[] = [];
      const fromMid: string[] = [];
      const flaky: string[] = [];
      let flakyAttempts = 0;
      const mine = (events: RecordedEvent[]) =>
        events.filter((e) => e.streamName === name).map((e) => e.type);
      const subscriptions = [
        store.subscribe({ after: before, onEvents: async (e) => void fromStart.push(...mine(e)) }),
        store.subscribe({ after: mid, onEvents: async (e) => void fromMid.push(...mine(e)) }),
        store.subscribe({
          after: before,
          onEvents: async (events) => {
            flakyAttempts += 1;
            if (flakyAttempts === 1) throw new Error('handler failed once');
            flaky.push(...mine(events));
          },
        }),
      ];
      try {
        const last = await store.appendToStream(name, [event('b1'), event('b2')]);
        const head = last.lastGlobalPosition!;
        await Promise.all(subscriptions.slice(0, 2).map((s) => s.waitFor(head)));
        expect(fromStart).toEqual(['a1', 'a2', 'b1', 'b2']);
        expect(fromMid).toEqual(['b1', 'b2']);
        await subscriptions[2].waitFor(head);
        expect(flaky).toEqual(['a1', 'a2', 'b1', 'b2']);
      } finally {
        await Promise.all(subscriptions.map((s) => s.stop()));
      }
    });

    it('loses nothing and orders everything when many writers append at once', async () => {
      const checkpoint = await store.headPosition();
      const names = Array.from({ length: 40 }, () => stream('race'));
      const seen: RecordedEvent[] = [];
      const subscription = store.subscribe({
        after: checkpoint,
        batchSize: 7,
        onEvents: async (events) => {
          seen.push(...events.filter((e) => e.streamName.startsWith('race-')));
        },
      });
      try {
        const results = await Promise.all(
          names.map((n) => store.appendToStream(n, [event(), event()])),
        );
        const last = Math.max(...results.map((r) => r.lastGlobalPosition!));
        await subscription.waitFor(last);
        expect(seen).toHaveLength(80);
        expect(new Set(seen.map((e) => e.eventId)).size).toBe(80);
        const positions = seen.map((e) => e.globalPosition);
        positions.forEach((p, i) => i > 0 && expect(p).toBeGreaterThan(positions[i - 1]));
      } finally {
        await subscription.stop();
      }
    });
  });
}
