import { Client } from 'pg';
import { PostgresDatabase } from '@homeward/event-store';
import { freshPostgresDatabase } from '../support/postgres';

/**
 * A pooled connection whose backend goes away (here terminated with pg_terminate_backend, which
 * is what a server restart does to every connection at once) fails what runs on it and nothing
 * more: no 'error' event escapes to end the process, the broken client is never handed out
 * again, and the next statement gets a fresh connection. Only this file's own backends are
 * terminated; the shared server keeps running.
 */
let db: PostgresDatabase;
let admin: Client;
let drop: () => Promise<void>;
const logged: string[] = [];
const uncaught: Error[] = [];
const onUncaught = (error: Error) => uncaught.push(error);

beforeAll(async () => {
  const fresh = await freshPostgresDatabase();
  drop = fresh.drop;
  db = new PostgresDatabase({ connectionString: fresh.url }, { log: (m) => logged.push(m) });
  // Terminates from a connection of its own: the pool might hand out the very one to cut off.
  admin = new Client({ connectionString: fresh.url });
  await admin.connect();
  // Jest would report an escaped 'error' event as a failure of some later test, or not at all.
  process.on('uncaughtException', onUncaught);
});

afterAll(async () => {
  process.off('uncaughtException', onUncaught);
  await admin?.end();
  await db?.close();
  await drop?.();
});

afterEach(() => expect(uncaught).toEqual([]));

const terminate = (pid: number) => admin.query('SELECT pg_terminate_backend($1)', [pid]);
const backendPid = async (tx: { query: <R>(t: string) => Promise<R[]> }) =>
  (await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid'))[0].pid;
const settle = () => new Promise((r) => setTimeout(r, 200));

describe('PostgresDatabase when a connection in a transaction is cut off', () => {
  it('fails that transaction, logs the error, and the next one gets a fresh connection', async () => {
    const pids: number[] = [];
    await expect(
      db.transaction(async (tx) => {
        const pid = await backendPid(tx);
        pids.push(pid);
        await terminate(pid);
        // Between two statements of the transaction: the client emits 'error' while nobody
        // waits on it, the case that used to end the process.
        await settle();
        await tx.query('SELECT 1');
      }),
    ).rejects.toThrow(/terminat|not queryable/i);
    expect(logged.join('\n')).toMatch(/terminat/i);

    const after = await db.transaction(backendPid);
    expect(after).not.toBe(pids[0]);
    await expect(db.query('SELECT 1 AS one')).resolves.toEqual([{ one: 1 }]);
  });

  it('fails a statement that is running when its connection is cut off, and carries on', async () => {
    await expect(
      db.transaction(async (tx) => {
        const pid = await backendPid(tx);
        const running = tx.query('SELECT pg_sleep(5)');
        // Handled at once: the rejection may come before `await running` below, while this test
        // is still terminating the backend, and must not count as an unhandled rejection.
        running.catch(() => undefined);
        await settle();
        await terminate(pid);
        await running;
      }),
    ).rejects.toThrow(/terminat/i);
    await expect(db.transaction((tx) => tx.query('SELECT 2 AS two'))).resolves.toEqual([
      { two: 2 },
    ]);
  });
});

describe('PostgresDatabase when an idle pooled connection is cut off', () => {
  it('drops it and answers the next query on another', async () => {
    const pid = await db.transaction(backendPid); // back in the pool, idle
    await terminate(pid);
    await settle();
    const rows = await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    expect(rows[0].pid).not.toBe(pid);
  });
});
