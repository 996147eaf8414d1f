import { randomUUID } from 'node:crypto';
import {
  PgliteDatabase,
  SqlEventStore,
  type RecordedEvent,
  type SqlDatabase,
  type SqlExecutor,
} from '@homeward/event-store';
import { DEFAULT_POLICY, DEFAULT_POLICY_SET } from '@homeward/domain';
import type { Scheduler } from '@homeward/scheduler';
import type { HomewardConfig } from '../config/homeward-config';
import { readCheckpoint } from './checkpoints';
import { EventProcessing } from './event-processing.service';
import type { Projection, Reactor } from './event-processor';

/**
 * A poison event (one a projection or reactor can never handle) must not hold up every event
 * behind it, and must not be lost: it is parked with its reason and counted, the rest go on.
 * An outage is not poison: while the database does not answer, nothing is parked.
 */
const config = {
  service: 'all',
  port: 0,
  database: { kind: 'pglite', dataDir: '' },
  eventStore: { kind: 'sql' },
  eventFeed: 'store',
  kafka: null,
  scheduler: { kind: 'in-process' },
  auth: { kind: 'shared-key', secret: 'x'.repeat(32), usingDevelopmentKey: false },
  policy: DEFAULT_POLICY,
  policies: DEFAULT_POLICY_SET,
} as HomewardConfig;

/** The database, with a switch that makes every statement fail as if the server had gone. */
class SwitchableDatabase implements SqlDatabase {
  down = false;
  constructor(private readonly inner: PgliteDatabase) {}
  get kind() {
    return this.inner.kind;
  }
  private check(): void {
    if (this.down) throw new Error('connection refused (simulated outage)');
  }
  async query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]> {
    this.check();
    return this.inner.query<Row>(text, params);
  }
  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    this.check();
    return this.inner.transaction(work);
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}

let pglite: PgliteDatabase;
let db: SwitchableDatabase;
let store: SqlEventStore;

beforeAll(async () => {
  pglite = await PgliteDatabase.open();
  db = new SwitchableDatabase(pglite);
  store = await SqlEventStore.create(pglite);
});
afterAll(() => pglite.close());

async function append(stream: string, types: string[]): Promise<void> {
  await store.appendToStream(
    stream,
    types.map((type) => ({ eventId: randomUUID(), type, data: { stream } })),
  );
}

function processing(): EventProcessing {
  const p = new EventProcessing(store, db, config, null);
  p.retryBudget = { attempts: 3, firstDelayMs: 5, maxDelayMs: 10 };
  return p;
}

const until = async (check: () => Promise<boolean>, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('a projection that cannot handle one event', () => {
  it('parks that event with its reason and applies every other one', async () => {
    const name = `test.projection.${randomUUID().slice(0, 8)}`;
    const table = `t_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    const stream = `s-${randomUUID()}`;
    const projection: Projection = {
      name,
      eventTypes: new Set(['Good', 'Poison']),
      readModel: {
        projection: name,
        tables: [table],
        migrations: [
          { id: 1, name: 'create', sql: `CREATE TABLE ${table} (position bigint PRIMARY KEY)` },
        ],
      },
      async apply(events: RecordedEvent[], tx: SqlExecutor) {
        for (const e of events) {
          if (e.type === 'Poison') throw new Error('cannot read this event');
          await tx.query(`INSERT INTO ${table} VALUES ($1) ON CONFLICT DO NOTHING`, [
            e.globalPosition,
          ]);
        }
      },
    };
    await append(stream, ['Good', 'Poison', 'Good']);
    const p = processing();
    p.registerProjection(projection);
    await p.onApplicationBootstrap();
    try {
      const head = await store.headPosition();
      await p.waitForAll(head);
      const rows = await pglite.query<{ position: string }>(`SELECT position FROM ${table}`);
      expect(rows).toHaveLength(2);
      expect(await readCheckpoint(pglite, name)).toBe(head);
      expect((await p.parked())[name]).toBe(1);
      const [parked] = await pglite.query<{ event_type: string; error: string; attempts: number }>(
        `SELECT event_type, error, attempts FROM hw_dead_letters WHERE processor = $1`,
        [name],
      );
      expect(parked).toEqual({
        event_type: 'Poison',
        error: 'Error: cannot read this event',
        attempts: 3,
      });
    } finally {
      await p.onApplicationShutdown();
    }
  });
});

describe('a reactor during an outage', () => {
  it('parks nothing while the database is down, and carries on when it is back', async () => {
    const name = `test.reactor.${randomUUID().slice(0, 8)}`;
    const stream = `s-${randomUUID()}`;
    const seen: string[] = [];
    let failing = true;
    const reactor: Reactor = {
      name,
      eventTypes: new Set(['Nudge']),
      async react(event: RecordedEvent) {
        if (failing) throw new Error('the other service is unreachable');
        seen.push(event.eventId);
      },
    };
    const p = processing();
    p.registerReactor(reactor);
    await p.onApplicationBootstrap();
    try {
      db.down = true;
      await append(stream, ['Nudge']);
      await new Promise((r) => setTimeout(r, 600)); // many retry budgets' worth
      const parkedDuringOutage = await pglite.query(
        `SELECT 1 FROM hw_dead_letters WHERE processor = $1`,
        [name],
      );
      expect(parkedDuringOutage).toEqual([]);
      failing = false;
      db.down = false;
      await until(async () => seen.length === 1);
      expect((await p.parked())[name]).toBeUndefined();
    } finally {
      db.down = false;
      await p.onApplicationShutdown();
    }
  });
});

describe('a reactor while the scheduler (Redis) is down and the database answers', () => {
  it('parks nothing, and carries on when the scheduler is back', async () => {
    const name = `test.reactor.${randomUUID().slice(0, 8)}`;
    const stream = `s-${randomUUID()}`;
    let redisDown = true;
    const seen: string[] = [];
    const scheduler: Scheduler = {
      schedule: async () => undefined,
      cancel: async () => undefined,
      start: async () => undefined,
      close: async () => undefined,
      ping: async () => {
        if (redisDown) throw new Error('redis unreachable');
      },
    };
    const reactor: Reactor = {
      name,
      eventTypes: new Set(['Nudge']),
      async react(event: RecordedEvent) {
        // An error of no recognisable outage shape: only asking the scheduler tells.
        if (redisDown) throw new Error('could not arm the alarm');
        // The store is shared with the tests above, whose Nudges this reactor reads too.
        if (event.streamName === stream) seen.push(event.eventId);
      },
    };
    const p = new EventProcessing(store, db, config, null, scheduler);
    p.retryBudget = { attempts: 3, firstDelayMs: 5, maxDelayMs: 10 };
    p.registerReactor(reactor);
    await p.onApplicationBootstrap();
    try {
      await append(stream, ['Nudge']);
      await new Promise((r) => setTimeout(r, 600)); // many retry budgets' worth
      expect(await p.parked()).not.toHaveProperty(name);
      redisDown = false;
      await until(async () => seen.length === 1);
      expect(await p.parked()).not.toHaveProperty(name);
    } finally {
      await p.onApplicationShutdown();
    }
  });
});

describe('a reactor that takes batches', () => {
  it('gets the events of its types together, in order, and a poison one is parked alone', async () => {
    const name = `test.batch-reactor.${randomUUID().slice(0, 8)}`;
    const stream = `s-${randomUUID()}`;
    const calls: string[][] = [];
    const handled: string[] = [];
    const reactor: Reactor = {
      name,
      eventTypes: new Set(['Step', 'Bad']),
      react: () => Promise.reject(new Error('react is not called when reactBatch is there')),
      async reactBatch(events) {
        const mine = events.filter((e) => e.streamName === stream);
        if (mine.length > 0) calls.push(mine.map((e) => e.type));
        if (mine.some((e) => e.type === 'Bad')) throw new Error('cannot react to this event');
        handled.push(...mine.map((e) => e.eventId));
      },
    };
    // Written before the reactor starts, so its first read takes them in one batch.
    await append(stream, ['Step', 'Other', 'Step', 'Step']);
    const p = processing();
    p.registerReactor(reactor);
    await p.onApplicationBootstrap();
    try {
      await p.waitForAll(await store.headPosition());
      expect(calls).toEqual([['Step', 'Step', 'Step']]);
      calls.length = 0;
      await append(stream, ['Step', 'Bad', 'Step']);
      await until(async () => handled.length === 5);
      // The failing batch is handed over again one event at a time: the good ones go through.
      expect(calls[0]).toEqual(['Step', 'Bad', 'Step']);
      expect(calls.slice(1).every((c) => c.length === 1)).toBe(true);
      await until(async () => (await p.parked())[name] === 1);
    } finally {
      await p.onApplicationShutdown();
    }
  });
});
