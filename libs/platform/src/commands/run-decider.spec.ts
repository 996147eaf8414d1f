import type { Decider } from '@homeward/domain';
import { InMemoryEventStore } from '@homeward/event-store';
import { runDecider } from './run-decider';

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
