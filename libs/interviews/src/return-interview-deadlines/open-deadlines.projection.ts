import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { ReturnInterviewEvent } from '@homeward/domain';
import type { RecordedEvent, SqlExecutor } from '@homeward/event-store';
import { EventProcessing, type Projection } from '@homeward/platform';

/** Events after which the interview waits for nothing more: no alarm is needed. */
const CLOSING = new Set<ReturnInterviewEvent['type']>([
  'ReturnInterviewHeld',
  'ReturnInterviewDeclined',
  'ReturnInterviewNotPossible',
  'ReturnInterviewCancelled',
]);

/**
 * The interviews service's own list of interviews still waiting for an outcome: on start-up each
 * of them is armed again, so a deadline survives any restart or loss of Redis.
 */
@Injectable()
export class OpenDeadlinesProjection implements Projection, OnModuleInit {
  readonly name = 'interviews.open-deadlines';
  readonly eventTypes: ReadonlySet<string> = new Set<ReturnInterviewEvent['type']>([
    'ReturnInterviewScheduled',
    ...CLOSING,
  ]);
  readonly schema = `
    CREATE TABLE IF NOT EXISTS rm_open_deadlines (
      interview_id uuid PRIMARY KEY,
      due_at       timestamptz NOT NULL,
      open         boolean NOT NULL
    )`;

  constructor(private readonly processing: EventProcessing) {}

  onModuleInit(): void {
    this.processing.registerProjection(this);
  }

  async apply(events: RecordedEvent[], tx: SqlExecutor): Promise<void> {
    for (const event of events as unknown as ReturnInterviewEvent[]) {
      if (event.type === 'ReturnInterviewScheduled') {
        await tx.query(
          `INSERT INTO rm_open_deadlines (interview_id, due_at, open) VALUES ($1, $2, true)
           ON CONFLICT (interview_id) DO NOTHING`,
          [event.data.interviewId, event.data.dueAt],
        );
      } else if (CLOSING.has(event.type)) {
        // Idempotent if redelivered.
        await tx.query(`UPDATE rm_open_deadlines SET open = false WHERE interview_id = $1`, [
          event.data.interviewId,
        ]);
      }
    }
  }
}
