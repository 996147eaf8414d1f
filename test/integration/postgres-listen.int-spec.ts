import { Client } from 'pg';
import { APPENDED_CHANNEL, PostgresDatabase, SqlEventStore } from '@homeward/event-store';
import { freshPostgresDatabase } from '../support/postgres';

/**
 * Appends wake every process's event feed through LISTEN/NOTIFY: a store in one process (its
 * own pool, as a separate service has) hears another's append when it commits, not at its next
 * poll, and keeps hearing after its listening connection is cut (a server restart does that).
 */
let url: string;
let drop: () => Promise<void>;
let admin: Client;
const uncaught: Error[] = [];
const onUncaught = (error: Error) => uncaught.push(error);

beforeAll(async () => {
  const fresh = await freshPostgresDatabase();
  ({ url, drop } = fresh);
  admin = new Client({ connectionString: url });
  await admin.connect();
  process.on('uncaughtException', onUncaught);
});

afterAll(async () => {
  process.off('uncaughtException', onUncaught);
  await admin?.end();
  await drop?.();
});

afterEach(() => expect(uncaught).toEqual([]));

const until = async (check: () => boolean, ms = 5_000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('not in time');
    await new Promise((r) => setTimeout(r, 10));
  }
};

const event = (type: string) => ({
  eventId: crypto.randomUUID(),
  type,
  data: {},
  metadata: {},
});

describe('LISTEN/NOTIFY between processes', () => {
  it('tells a listener of another pool when an append commits, and not before', async () => {
    const writerDb = new PostgresDatabase({ connectionString: url });
    const listenerDb = new PostgresDatabase({ connectionString: url });
    const writer = await SqlEventStore.create(writerDb);
    let told = 0;
    const stop = await listenerDb.listen(APPENDED_CHANNEL, () => (told += 1));
    try {
      await until(() => told === 1); // once on listening: something may have come meanwhile
      await writerDb
        .transaction(async (tx) => {
          await tx.query('SELECT pg_notify($1, NULL)', [APPENDED_CHANNEL]);
          await new Promise((r) => setTimeout(r, 200));
          expect(told).toBe(1); // not while the transaction is open
          throw new Error('rolled back');
        })
        .catch(() => undefined);
      await new Promise((r) => setTimeout(r, 200));
      expect(told).toBe(1); // nor when it rolls back
      await writer.appendToStream(`listen-${crypto.randomUUID()}`, [event('Happened')]);
      await until(() => told === 2);
    } finally {
      await stop();
      await writer.close();
      await writerDb.close();
      await listenerDb.close();
    }
  });

  it("delivers another process's append to a subscription well before a poll would", async () => {
    const writerDb = new PostgresDatabase({ connectionString: url });
    const readerDb = new PostgresDatabase({ connectionString: url });
    const writer = await SqlEventStore.create(writerDb);
    const reader = await SqlEventStore.create(readerDb);
    const seen: number[] = [];
    const subscription = reader.subscribe({
      after: await reader.headPosition(),
      onEvents: async (events) => void seen.push(...events.map(() => Date.now())),
    });
    try {
      await new Promise((r) => setTimeout(r, 300)); // the feed is idle, waiting
      const latencies: number[] = [];
      for (let i = 0; i < 10; i++) {
        const before = seen.length;
        const sent = Date.now();
        await writer.appendToStream(`listen-${crypto.randomUUID()}`, [event('Happened')]);
        await until(() => seen.length > before);
        latencies.push(seen[seen.length - 1] - sent);
        await new Promise((r) => setTimeout(r, 37));
      }
      // Polling every 250 ms alone would average about 125 ms; woken, a few ms.
      latencies.sort((a, b) => a - b);
      expect(latencies[Math.floor(latencies.length / 2)]).toBeLessThan(60);
    } finally {
      await subscription.stop();
      await Promise.all([writer.close(), reader.close()]);
      await Promise.all([writerDb.close(), readerDb.close()]);
    }
  });

  it('listens again after its connection is cut, and says so by waking the feed', async () => {
    const db = new PostgresDatabase({ connectionString: url }, { log: () => undefined });
    let told = 0;
    const stop = await db.listen(APPENDED_CHANNEL, () => (told += 1));
    try {
      await until(() => told === 1);
      await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE datname = current_database() AND query LIKE 'LISTEN%' AND pid <> pg_backend_pid()`,
      );
      await until(() => told === 2, 10_000); // listening again
      await admin.query(`NOTIFY ${APPENDED_CHANNEL}`);
      await until(() => told === 3);
    } finally {
      await stop();
      await db.close();
    }
  });
});
