/** The little of SQL that Homeward's stores need, so PostgreSQL and PGlite share one code path. */
export interface SqlExecutor {
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
}

export interface SqlDatabase extends SqlExecutor {
  readonly kind: 'postgres' | 'pglite';
  /** Runs `work` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /**
   * Calls `onNotify` for each NOTIFY on `channel` from any process (PostgreSQL only: PGlite is
   * one process, where the store's own signal suffices). Survives the server going away: it
   * listens again once it is back, and calls `onNotify` then, as something may have been missed.
   * Resolves to a function that stops listening.
   */
  listen?(channel: string, onNotify: () => void): Promise<() => Promise<void>>;
}

export const SQL_DATABASE = Symbol('SqlDatabase');
