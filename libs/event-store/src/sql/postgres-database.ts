import { Client, Pool, type PoolClient, type PoolConfig } from 'pg';
import type { SqlDatabase, SqlExecutor } from './sql-database.port';

/** Where connection trouble is reported; the default writes to the console. */
export type PostgresLog = (message: string) => void;

export interface PostgresDatabaseOptions {
  log?: PostgresLog;
}

/**
 * PostgreSQL through a `pg` connection pool. The server may go away at any moment (a restart, a
 * failover, a crash): no error of a pooled connection may end the process. A query in flight
 * fails (callers retry: HTTP answers 5xx, the event feed tries again), the broken connection is
 * dropped, and the pool opens fresh ones once the server answers again.
 */
export class PostgresDatabase implements SqlDatabase {
  readonly kind = 'postgres' as const;
  private readonly pool: Pool;
  private readonly report: (error: Error) => void;

  constructor(
    private readonly config: PoolConfig,
    options: PostgresDatabaseOptions = {},
  ) {
    this.pool = new Pool({
      max: 10,
      // A server that does not answer (a network partition, not a refused connection) must not
      // leave `connect()` waiting for ever: health checks and retries need the failure.
      connectionTimeoutMillis: 5_000,
      // Notices a peer that vanished without closing the socket.
      keepAlive: true,
      ...config,
    });
    this.report = reportingOnce(options.log ?? ((m) => console.warn(`[PostgresDatabase] ${m}`)));
    // An idle client losing its connection: the pool has already removed it.
    this.pool.on('error', (error) => this.report(error));
  }

  async query<Row>(text: string, params?: unknown[]): Promise<Row[]> {
    // pool.query listens for the client's errors itself and discards a broken client.
    const result = await this.pool.query(text, params);
    return result.rows as Row[];
  }

  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    // A checked-out client has no listener of the pool's: without one, the 'error' it emits when
    // the server goes away (even between two queries of this transaction) would end the process.
    let broken: Error | undefined;
    const onError = (error: Error) => {
      broken ??= error;
      this.report(error);
    };
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      const result = await work({
        query: async <Row>(text: string, params?: unknown[]) =>
          (await client.query(text, params)).rows as Row[],
      });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      if (!broken) await client.query('ROLLBACK').catch((e: Error) => (broken = e));
      throw error;
    } finally {
      release(client, broken, onError);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  async listen(channel: string, onNotify: () => void): Promise<() => Promise<void>> {
    if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`not a channel name: ${channel}`);
    let stopped = false;
    let client: Client | null = null;
    let retryMs = 500;
    let timer: NodeJS.Timeout | undefined;
    const connect = async (): Promise<void> => {
      const next = new Client({ ...this.config, keepAlive: true });
      // A dedicated connection (LISTEN holds it), not one of the pool's.
      next.on('error', (error) => {
        this.report(error);
        again(next);
      });
      next.on('end', () => again(next));
      next.on('notification', () => onNotify());
      try {
        await next.connect();
        await next.query(`LISTEN ${channel}`);
      } catch (error) {
        this.report(error as Error);
        again(next);
        return;
      }
      if (stopped) return void next.end().catch(() => undefined);
      client = next;
      retryMs = 500;
      onNotify();
    };
    const again = (broken: Client): void => {
      if (client === broken) client = null;
      broken.removeAllListeners('end');
      void broken.end().catch(() => undefined);
      if (stopped || timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        void connect();
      }, retryMs);
      retryMs = Math.min(retryMs * 2, 30_000);
    };
    await connect();
    return async () => {
      stopped = true;
      clearTimeout(timer);
      const listening = client;
      client = null;
      if (listening) {
        listening.removeAllListeners('end');
        await listening.end().catch(() => undefined);
      }
    };
  }
}

/**
 * Gives the client back; one whose connection failed is destroyed, never reused. Our listener
 * stays until the pool has taken the client (it puts its own back first), so no moment is left
 * without one.
 */
function release(client: PoolClient, broken: Error | undefined, onError: (e: Error) => void) {
  client.release(broken);
  client.removeListener('error', onError);
}

/**
 * One line per distinct error while it lasts, not one per pooled connection failing the same way;
 * the same error is reported again once it has been quiet for a while (the next outage).
 */
function reportingOnce(log: PostgresLog, quietMs = 30_000): (error: Error) => void {
  let last = '';
  let lastAt = 0;
  return (error) => {
    const message = `connection error: ${error.message}`;
    const now = Date.now();
    const repeat = message === last && now - lastAt < quietMs;
    last = message;
    lastAt = now;
    if (!repeat) log(message);
  };
}
