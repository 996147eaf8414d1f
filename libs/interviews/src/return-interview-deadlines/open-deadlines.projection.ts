import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { ReturnInterviewEvent } from '@homeward/domain';
import type { RecordedEvent, SqlExecutor } from '@homeward/event-store';
import {
  EventProcessing,
  insertRows,
  updateRows,
  type RowChange,
  type Projection,
  type ReadModel,
} from '@homeward/platform';

/** Events after which the interview waits for nothing more: no alarm is needed. */
const CLOSING = new Set<ReturnInterviewEvent['type']>([
  'ReturnInterviewHeld',
  'ReturnInterviewDeclined',
  'ReturnInterviewNotPossible',
  'ReturnInterviewCancelled',
]);

/** Its tables, and their numbered migrations: never edit a released one, add the next id. */
export const OPEN_DEADLINES_READ_MODEL: ReadModel = {
  projection: 'interviews.open-deadlines',
  tables: ['rm_open_deadlines'],
  migrations: [
    {
      id: 1,
      name: 'create',
      sql: `
  CREATE TABLE IF NOT EXISTS rm_open_deadlines (
    interview_id uuid PRIMARY KEY,
    due_at       timestamptz NOT NULL,
    open         boolean NOT NULL
  )`,
    },
  ],
};

/**
 * The interviews service's own list of interviews still waiting for an outcome: on start-up each
 * of them is armed again, so a deadline survives any restart or loss of Redis.
 */
@Injectable()
export class OpenDeadlinesProjection implements Projection, OnModuleInit {
  readonly name = OPEN_DEADLINES_READ_MODEL.projection;
  readonly readModel = OPEN_DEADLINES_READ_MODEL;
  readonly eventTypes: ReadonlySet<string> = new Set<ReturnInterviewEvent['type']>([
    'ReturnInterviewScheduled',
    ...CLOSING,
  ]);

  constructor(private readonly processing: EventProcessing) {}

  onModuleInit(): void {
    this.processing.registerProjection(this);
  }

  /** A batch in sets: one insert for the interviews scheduled, one update for those closed. */
  async apply(events: RecordedEvent[], tx: SqlExecutor): Promise<void> {
    const scheduled: Array<Record<string, unknown>> = [];
    const closed: RowChange[] = [];
    for (const event of events as unknown as ReturnInterviewEvent[]) {
      if (event.type === 'ReturnInterviewScheduled') {
        scheduled.push({
          interview_id: event.data.interviewId,
          due_at: event.data.dueAt,
          open: true,
        });
      } else if (CLOSING.has(event.type)) {
        closed.push({ key: event.data.interviewId, set: { open: false } });
      }
    }
    await insertRows(tx, 'rm_open_deadlines', 'interview_id', scheduled);
    // Idempotent if redelivered.
    await updateRows(tx, { table: 'rm_open_deadlines', key: 'interview_id' }, closed);
  }
}
