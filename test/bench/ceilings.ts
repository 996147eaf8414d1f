import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { EVENT_STORE_MIGRATIONS, PostgresDatabase, migrate } from '@homeward/event-store';
import { freshPostgresDatabase } from '../support/postgres';

/**
 * The raw ceilings of the same PostgreSQL in the same run, against which Homeward's figures are
 * read: what the server does with the same row shape and no Homeward in the way.
 */
export interface Ceilings {
  /** Single-row INSERT transactions a second at the bench's concurrency. */
  singleRowTransactionsPerSecond: number;
  /** Rows a second inserted in batches of 500 (one INSERT ... SELECT unnest a batch). */
  batchedInsertRowsPerSecond: number;
  /** Rows a second read by position in pages of 500 (a keyset read of the log). */
  keysetReadRowsPerSecond: number;
}

/** An event's data of the size Homeward stores for a notification (about 1 kB of JSON). */
function row(i: number): [string, string, number, string, string, string] {
  const data = {
    episodeId: randomUUID(),
    childId: randomUUID(),
    riskLevel: 'MEDIUM',
    personal: { givenName: 'Jade', familyName: 'Example', dateOfBirth: '2011-03-14' },
    circumstances: 'Did not return to placement after school'.repeat(8),
    lastSeenLocation: { description: 'Outside the bus station', postcode: 'WS1 1AA' },
  };
  return [
    randomUUID(),
    `child-${i % 5000}-${randomUUID()}`,
    1,
    'MissingEpisodeReported',
    JSON.stringify(data),
    JSON.stringify({ correlationId: randomUUID(), causationId: randomUUID() }),
  ];
}

async function perSecond(count: number, work: () => Promise<void>): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return Math.round((count * 1000) / ms);
}

/**
 * On a scratch database of the same server with the event store's own schema (its migrations),
 * so the rows, indexes and constraints are exactly Homeward's; dropped afterwards.
 */
export async function measureCeilings(options: {
  concurrency: number;
  singleRows: number;
  batchedRows: number;
}): Promise<Ceilings> {
  const scratch = await freshPostgresDatabase();
  const schema = new PostgresDatabase({ connectionString: scratch.url });
  await migrate(schema, [EVENT_STORE_MIGRATIONS]);
  await schema.close();
  const pool = new Pool({ connectionString: scratch.url, max: options.concurrency });
  try {
    const insert = `INSERT INTO hw_events (event_id, stream_name, stream_version, event_type, data, metadata)`;
    let next = 0;
    const singleRowTransactionsPerSecond = await perSecond(options.singleRows, async () => {
      await Promise.all(
        Array.from({ length: options.concurrency }, async () => {
          while (next < options.singleRows) {
            const values = row(next++);
            const client = await pool.connect();
            try {
              await client.query('BEGIN');
              await client.query(`${insert} VALUES ($1, $2, $3, $4, $5, $6)`, values);
              await client.query('COMMIT');
            } finally {
              client.release();
            }
          }
        }),
      );
    });
    const batches = Math.ceil(options.batchedRows / 500);
    const batchedInsertRowsPerSecond = await perSecond(batches * 500, async () => {
      for (let b = 0; b < batches; b++) {
        const rows = Array.from({ length: 500 }, (_, i) => row(b * 500 + i));
        const column = (k: number) => rows.map((r) => r[k]);
        await pool.query(
          `${insert} SELECT * FROM unnest($1::uuid[], $2::text[], $3::bigint[], $4::text[], $5::jsonb[], $6::jsonb[])`,
          [0, 1, 2, 3, 4, 5].map(column),
        );
      }
    });
    const [{ n }] = (await pool.query<{ n: string }>('SELECT count(*) AS n FROM hw_events')).rows;
    const total = Number(n);
    const keysetReadRowsPerSecond = await perSecond(total, async () => {
      let after = 0;
      for (;;) {
        const page = await pool.query<{ global_position: string }>(
          `SELECT global_position, event_id::text AS event_id, stream_name, stream_version,
             event_type, data, metadata, recorded_at FROM hw_events
           WHERE global_position > $1 ORDER BY global_position LIMIT 500`,
          [after],
        );
        if (page.rows.length === 0) break;
        after = Number(page.rows[page.rows.length - 1].global_position);
      }
    });
    return { singleRowTransactionsPerSecond, batchedInsertRowsPerSecond, keysetReadRowsPerSecond };
  } finally {
    await pool.end();
    await scratch.drop();
  }
}
