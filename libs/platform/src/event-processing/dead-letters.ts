import type { RecordedEvent, SqlExecutor } from '@homeward/event-store';

/**
 * Events a projection or reactor could not handle after every retry, while the database and the
 * store were answering: a poison event. It is parked here with the reason, so the events behind
 * it are not held up for ever, and nothing is lost: the event itself stays in the store, and
 * /health counts what is parked until someone deals with it.
 */
export const DEAD_LETTERS_SCHEMA = `CREATE TABLE IF NOT EXISTS hw_dead_letters (
  processor       text NOT NULL,
  event_id        uuid NOT NULL,
  global_position bigint NOT NULL,
  event_type      text NOT NULL,
  stream_name     text NOT NULL,
  attempts        int NOT NULL,
  error           text NOT NULL,
  parked_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (processor, event_id)
)`;

export async function parkEvent(
  db: SqlExecutor,
  processor: string,
  event: RecordedEvent,
  attempts: number,
  error: unknown,
): Promise<void> {
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  await db.query(
    `INSERT INTO hw_dead_letters (processor, event_id, global_position, event_type, stream_name,
       attempts, error)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (processor, event_id) DO UPDATE SET attempts = EXCLUDED.attempts,
       error = EXCLUDED.error, parked_at = now()`,
    [
      processor,
      event.eventId,
      event.globalPosition,
      event.type,
      event.streamName,
      attempts,
      reason.slice(0, 4000),
    ],
  );
}

/** How many events each processor has parked. */
export async function countDeadLetters(db: SqlExecutor): Promise<Record<string, number>> {
  const rows = await db.query<{ processor: string; parked: string | number }>(
    `SELECT processor, count(*) AS parked FROM hw_dead_letters GROUP BY processor`,
  );
  return Object.fromEntries(rows.map((r) => [r.processor, Number(r.parked)]));
}
