import type { SqlDatabase, SqlExecutor } from '@homeward/event-store';
import { findCheckpoint } from '../event-processing/checkpoints';
import { resetCheckpoint } from './projection-operations';

export interface DeadLetter {
  id: number;
  processor: string;
  eventId: string;
  eventType: string;
  globalPosition: number;
  streamName: string;
  attempts: number;
  error: string;
  parkedAt: string;
}

type Row = {
  id: string | number;
  processor: string;
  event_id: string;
  event_type: string;
  global_position: string | number;
  stream_name: string;
  attempts: number;
  error: string;
  parked_at: Date | string;
};

const SELECT = `SELECT id, processor, event_id::text AS event_id, event_type, global_position,
  stream_name, attempts, error, parked_at FROM hw_dead_letters`;

const toDeadLetter = (r: Row): DeadLetter => ({
  id: Number(r.id),
  processor: r.processor,
  eventId: r.event_id,
  eventType: r.event_type,
  globalPosition: Number(r.global_position),
  streamName: r.stream_name,
  attempts: Number(r.attempts),
  error: r.error,
  parkedAt: new Date(r.parked_at).toISOString(),
});

export async function listDeadLetters(db: SqlExecutor): Promise<DeadLetter[]> {
  return (await db.query<Row>(`${SELECT} ORDER BY id`)).map(toDeadLetter);
}

export interface Retried {
  processor: string;
  deadLetters: DeadLetter[];
  /** The checkpoint before, and where it now is: just before the earliest event retried. */
  from: number | null;
  to: number;
}

/**
 * Replays parked events: each one's row is deleted and its processor's checkpoint moved back to
 * just before it (never forward), with a new generation, in one transaction. The running
 * processor starts again from there: it handles the parked event again and the events after
 * it, which changes nothing for those (projections and reactors are idempotent). One that still
 * fails is parked again, with a new id. `ids` null: every dead letter.
 */
export async function retryDeadLetters(
  db: SqlDatabase,
  ids: number[] | null,
): Promise<{ retried: Retried[]; unknown: number[] }> {
  return db.transaction(async (tx) => {
    const rows = (
      await tx.query<Row>(
        ids === null
          ? `${SELECT} ORDER BY id FOR UPDATE`
          : `${SELECT} WHERE id = ANY($1::bigint[]) ORDER BY id FOR UPDATE`,
        ids === null ? [] : [ids],
      )
    ).map(toDeadLetter);
    const found = new Set(rows.map((r) => r.id));
    const unknown = (ids ?? []).filter((id) => !found.has(id));
    if (unknown.length > 0) return { retried: [], unknown };
    const byProcessor = new Map<string, DeadLetter[]>();
    for (const row of rows)
      byProcessor.set(row.processor, [...(byProcessor.get(row.processor) ?? []), row]);
    const retried: Retried[] = [];
    for (const [processor, deadLetters] of byProcessor) {
      const to = Math.min(...deadLetters.map((d) => d.globalPosition)) - 1;
      const from = await findCheckpoint(tx, processor);
      await resetCheckpoint(tx, processor, to);
      await tx.query('DELETE FROM hw_dead_letters WHERE id = ANY($1::bigint[])', [
        deadLetters.map((d) => d.id),
      ]);
      retried.push({ processor, deadLetters, from, to: Math.min(from ?? to, to) });
    }
    return { retried, unknown };
  });
}
