import type { Decider } from '@homeward/domain';
import { InMemoryEventStore } from '@homeward/event-store';
import { runDecider, runDeciderBatch } from './run-decider';

type Tallied = { type: 'Tallied'; data: { n: number } };
type Tally = { type: 'Tally'; data: { n: number } };

/** A decider that always has something to say: a resend would be recorded again if not caught. */
const tally: Decider<Tally, Tallied, number> = {
  initialState: () => 0,
  evolve: (total, event) => total + event.data.n,
  decide: (command) => [{ type: 'Tallied', data: { n: command.data.n } }],
};

describe('runDecider', () => {
  const cause = (key: string) => ({ causationId: `test/${key}`, correlationId: 'c' });

  it('reports what it recorded', async () => {
    const store = new InMemoryEventStore();
    const events = await runDecider(
      store,
      's-1',
      tally,
      { type: 'Tally', data: { n: 2 } },
      cause('a'),
    );
    expect(events.map((e) => e.type)).toEqual(['Tallied']);
  });

  it('reports a resend of the same cause as nothing changed, and records it once', async () => {
    const store = new InMemoryEventStore();
    const command: Tally = { type: 'Tally', data: { n: 2 } };
    await runDecider(store, 's-1', tally, command, cause('a'));
    const again = await runDecider(store, 's-1', tally, command, cause('a'));
    expect(again).toEqual([]);
    expect((await store.readStream('s-1')).events).toHaveLength(1);
  });

  it('refuses a cause already recorded on another stream instead of taking it for a resend', async () => {
    const store = new InMemoryEventStore();
    const command: Tally = { type: 'Tally', data: { n: 2 } };
    await runDecider(store, 's-1', tally, command, cause('a'));
    await expect(runDecider(store, 's-2', tally, command, cause('a'))).rejects.toMatchObject({
      name: 'EventIdReused',
    });
    expect((await store.readStream('s-2')).exists).toBe(false);
  });
});

describe('runDeciderBatch', () => {
  const cause = (key: string) => ({ causationId: `test/${key}`, correlationId: 'c' });
  /** Refuses to take the total past 5: the state each command sees matters. */
  const capped: Decider<Tally, Tallied, number> = {
    ...tally,
    decide: (command, total) =>
      total + command.data.n > 5 ? [] : [{ type: 'Tallied', data: { n: command.data.n } }],
  };
  const item = (streamName: string, n: number, key: string) => ({
    streamName,
    command: { type: 'Tally' as const, data: { n } },
    cause: cause(key),
  });
  const totals = async (store: InMemoryEventStore, name: string) =>
    (await store.readStream(name)).events.map((e) => (e.data as { n: number }).n);

  it('decides commands for one stream in order, each on the state the others left', async () => {
    const store = new InMemoryEventStore();
    await runDeciderBatch(store, capped, [
      item('s-1', 3, 'a'),
      item('s-2', 1, 'b'),
      item('s-1', 4, 'c'), // 3 + 4 > 5: refused, having seen the first
      item('s-1', 2, 'd'),
    ]);
    expect(await totals(store, 's-1')).toEqual([3, 2]);
    expect(await totals(store, 's-2')).toEqual([1]);
  });

  it('records a resent cause once, and a batch of resends not at all', async () => {
    const store = new InMemoryEventStore();
    await runDeciderBatch(store, tally, [item('s-1', 1, 'a'), item('s-2', 2, 'b')]);
    await runDeciderBatch(store, tally, [item('s-1', 1, 'a'), item('s-2', 2, 'b')]);
    await runDeciderBatch(store, tally, [item('s-1', 1, 'a'), item('s-1', 5, 'c')]);
    expect(await totals(store, 's-1')).toEqual([1, 5]);
    expect(await totals(store, 's-2')).toEqual([2]);
  });

  it('decides again on what a concurrent writer appended, and overwrites nothing', async () => {
    const store = new InMemoryEventStore();
    const readStreams = store.readStreams.bind(store);
    let interleaved = false;
    // Someone else writes to s-1 between the batch's read and its append, once.
    jest.spyOn(store, 'readStreams').mockImplementation(async (names) => {
      const read = await readStreams(names);
      if (!interleaved) {
        interleaved = true;
        await runDecider(store, 's-1', tally, { type: 'Tally', data: { n: 4 } }, cause('other'));
      }
      return read;
    });
    await runDeciderBatch(store, capped, [item('s-1', 3, 'a'), item('s-2', 1, 'b')]);
    // Decided again on 4: 4 + 3 > 5 is refused; s-2 is still written.
    expect(await totals(store, 's-1')).toEqual([4]);
    expect(await totals(store, 's-2')).toEqual([1]);
  });
});
