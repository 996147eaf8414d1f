import { randomUUID } from 'node:crypto';
import type { RecordedEvent, Subscription } from '../../event-store.port';
import { KurrentDbEventStore } from './kurrentdb-event-store';
import { SimulatedKurrentDb } from './simulated-kurrentdb-client';

/* The $all subscription on a SIMULATED client (see simulated-kurrentdb-client.ts). */
const event = (type = 'Something') => ({ eventId: randomUUID(), type, data: { n: 1 } });
const stream = () => `sub-${randomUUID()}`;

describe('KurrentDbEventStore.subscribe (subscribeToAll, simulated client)', () => {
  let server: SimulatedKurrentDb;
  let store: KurrentDbEventStore;
  let subscription: Subscription | undefined;
  beforeEach(() => {
    server = new SimulatedKurrentDb();
    store = new KurrentDbEventStore(server.client);
  });
  afterEach(async () => {
    await subscription?.stop();
    subscription = undefined;
    await store.close();
  });

  const follow = (after = 0, batchSize?: number) => {
    const seen: RecordedEvent[] = [];
    const batches: number[] = [];
    subscription = store.subscribe({
      after,
      batchSize,
      onEvents: async (events) => {
        batches.push(events.length);
        seen.push(...events);
      },
    });
    return { seen, batches };
  };

  it('is one server subscription with a server-side filter, not a readAll poll', async () => {
    const readAll = jest.spyOn(server.client, 'readAll');
    const { seen } = follow();
    const result = await store.appendToStream(stream(), [event('A')]);
    await subscription!.waitFor(result.lastGlobalPosition!);
    const readsWhileIdle = readAll.mock.calls.length;
    await new Promise((r) => setTimeout(r, 600)); // longer than any poll interval
    expect(readAll.mock.calls.length).toBe(readsWhileIdle);
    expect(server.subscribeToAllCalls).toBe(1);
    expect(server.lastSubscribeFilter).toMatchObject({ filterOn: 'eventType', regex: '^[^$].*' });
    expect(seen.map((e) => e.type)).toEqual(['A']);
  });

  it('gets what another process writes, pushed by the server', async () => {
    const { seen } = follow(await store.headPosition());
    const other = new KurrentDbEventStore(server.client);
    const result = await other.appendToStream(stream(), [event('FromElsewhere')]);
    await subscription!.waitFor(result.lastGlobalPosition!, 2_000);
    expect(seen.map((e) => e.type)).toEqual(['FromElsewhere']);
  });

  it('starts after the checkpoint, skips KurrentDB events and event-id claims, batches what is buffered', async () => {
    const name = stream();
    const first = await store.appendToStream(name, [event('before')]);
    server.writeSystemRecord('$projections-$all', 'ProjectionUpdated');
    const last = await store.appendToStream(
      name,
      Array.from({ length: 7 }, (_, i) => event(`e${i}`)),
    );
    const { seen, batches } = follow(first.lastGlobalPosition!, 3);
    await subscription!.waitFor(last.lastGlobalPosition!);
    expect(seen.map((e) => e.type)).toEqual(['e0', 'e1', 'e2', 'e3', 'e4', 'e5', 'e6']);
    expect(batches).toEqual([3, 3, 1]);
    expect(server.claimRecords.length).toBeGreaterThan(0);
  });

  it('opens the subscription again from the last handled position when the server drops it', async () => {
    const errors: unknown[] = [];
    const seen: string[] = [];
    subscription = store.subscribe({
      after: 0,
      onEvents: async (events) => {
        seen.push(...events.map((e) => e.type));
      },
      onError: (error) => errors.push(error),
    });
    const name = stream();
    const one = await store.appendToStream(name, [event('one')]);
    await subscription.waitFor(one.lastGlobalPosition!);
    server.dropSubscriptions();
    const two = await store.appendToStream(name, [event('two')]);
    await subscription.waitFor(two.lastGlobalPosition!, 5_000);
    expect(seen).toEqual(['one', 'two']);
    expect(errors).toHaveLength(1);
    expect(server.subscribeToAllCalls).toBe(2);
  });

  it('retries a failing batch as it was, never skipping it', async () => {
    let attempts = 0;
    const delivered: string[] = [];
    subscription = store.subscribe({
      after: 0,
      onEvents: async (events) => {
        attempts += 1;
        if (attempts === 1) throw new Error('handler failed once');
        delivered.push(...events.map((e) => e.type));
      },
    });
    const result = await store.appendToStream(stream(), [event('only')]);
    await subscription.waitFor(result.lastGlobalPosition!, 5_000);
    expect(delivered).toEqual(['only']);
    expect(server.subscribeToAllCalls).toBe(1);
  });

  it('stops while waiting for events, and leaves no subscription on the server', async () => {
    follow();
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    expect(server.liveSubscriptions).toBe(1);
    await subscription!.stop();
    expect(server.liveSubscriptions).toBe(0);
  });
});
