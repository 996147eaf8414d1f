import { PGlite } from '@electric-sql/pglite';
import { mkdirSync } from 'node:fs';
import { lockDataDir } from './data-dir-lock';
import type { SqlDatabase, SqlExecutor } from './sql-database.port';

/**
 * PGlite: PostgreSQL compiled to WebAssembly, in-process and file-backed. The embedded default,
 * running exactly the SQL the PostgreSQL adapter runs. Pass no directory for an in-memory one.
 */
export class PgliteDatabase implements SqlDatabase {
  readonly kind = 'pglite' as const;

  private constructor(
    private readonly db: PGlite,
    private readonly unlock: () => void = () => {},
  ) {}

  /** A directory is claimed first (see data-dir-lock.ts): refused while another process has it. */
  static async open(dataDir?: string): Promise<PgliteDatabase> {
    if (!dataDir) return new PgliteDatabase(await PGlite.create({}));
    mkdirSync(dataDir, { recursive: true });
    const unlock = lockDataDir(dataDir);
    try {
      return new PgliteDatabase(await PGlite.create({ dataDir }), unlock);
    } catch (error) {
      unlock();
      throw error;
    }
  }

  async query<Row>(text: string, params?: unknown[]): Promise<Row[]> {
    return (await this.db.query<Row>(text, params)).rows;
  }

  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) =>
      work({
        query: async <Row>(text: string, params?: unknown[]) =>
          (await tx.query<Row>(text, params)).rows,
      }),
    );
  }

  async close(): Promise<void> {
    if (!this.db.closed) await this.db.close();
    this.unlock();
  }
}
