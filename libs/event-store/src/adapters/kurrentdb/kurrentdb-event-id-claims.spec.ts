import { randomUUID } from 'node:crypto';
import { EventIdReused, StreamVersionConflict } from '../../event-store.port';
import { claimEventId, claimStreamName, isClaimRecord } from './kurrentdb-event-id-claims';
import { KurrentDbEventStore } from './kurrentdb-event-store';
import { SimulatedKurrentDb } from './simulated-kurrentdb-client';

/* Event-id claims on a SIMULATED client (see simulated-kurrentdb-client.ts). */
const event = (type = 'Something') => ({ eventId: randomUUID(), type, data: { n: 1 } });
const stream = () => `claims-${randomUUID()}`;

describe('event-id claims (KurrentDB keeps no index by event id)', () => {
  let server: SimulatedKurrentDb;
  let store: KurrentDbEventStore;
  beforeEach(() => {
    server = new SimulatedKurrentDb();
    store = new KurrentDbEventStore(server.client);
  });
  afterEach(() => store.close());

  it('derives one claim id per (stream, event id), the same for the same pair', () => {
    const id = randomUUID();
    expect(claimEventId('a-1', id)).toBe(claimEventId('a-1', id.toUpperCase()));
    expect(claimEventId('a-1', id)).not.toBe(claimEventId('a-2', id));
    expect(claimEventId('a-1', id)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-/,
    );
    expect(isClaimRecord({ streamId: claimStreamName(id) })).toBe(true);
    expect(isClaimRecord({ streamId: 'child-1' })).toBe(false);
  });

  it('lets exactly one of two appends racing to put the same id on two streams win', async () => {
    const shared = event('Shared');
    const [a, b] = [stream(), stream()];
    const outcomes = await Promise.allSettled([
      store.appendToStream(a, [shared]),
      store.appendToStream(b, [shared]),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const [refused] = outcomes.filter((o) => o.status === 'rejected');
    expect(refused.reason).toEqual(new EventIdReused([shared.eventId]));
    const stored = [await store.readStream(a), await store.readStream(b)];
    expect(stored.filter((s) => s.exists)).toHaveLength(1);
  });

  it('keeps the ids of an append that lost a version race for its own stream', async () => {
    const name = stream();
    await store.appendToStream(name, [event()]);
    const retried = [event('Retried')];
    await expect(
      store.appendToStream(name, retried, { expectedVersion: 0 }),
    ).rejects.toBeInstanceOf(StreamVersionConflict);
    // the retry at the right version passes its own claims; another stream cannot take the ids
    await expect(store.appendToStream(stream(), retried)).rejects.toBeInstanceOf(EventIdReused);
    const again = await store.appendToStream(name, retried, { expectedVersion: 1 });
    expect(again).toMatchObject({ nextExpectedVersion: 2, duplicate: false });
  });

  it('claims every event of a multi-stream append for its own stream', async () => {
    const [a, b] = [stream(), stream()];
    const [ea, eb] = [event('A'), event('B')];
    await store.appendToStreams([
      { streamName: a, events: [ea] },
      { streamName: b, events: [eb] },
    ]);
    await expect(store.appendToStreams([{ streamName: a, events: [eb] }])).rejects.toEqual(
      new EventIdReused([eb.eventId]),
    );
    expect(server.claimRecords.map((r) => r.streamId).sort()).toEqual(
      [claimStreamName(ea.eventId), claimStreamName(eb.eventId)].sort(),
    );
  });

  it('hides claims from readAll and headPosition', async () => {
    const result = await store.appendToStream(stream(), [event('Only')]);
    expect(server.claimRecords).toHaveLength(1);
    expect((await store.readAll({ after: 0, maxCount: 10 })).map((e) => e.type)).toEqual(['Only']);
    expect(await store.headPosition()).toBe(result.lastGlobalPosition);
    // a claim left by a refused append is the last record in $all: still not the head
    const name = stream();
    await store.appendToStream(name, [event()]);
    await expect(store.appendToStream(name, [event()], { expectedVersion: 0 })).rejects.toThrow();
    expect(await store.headPosition()).toBe(
      (await store.readStream(name)).events[0].globalPosition,
    );
  });
});
