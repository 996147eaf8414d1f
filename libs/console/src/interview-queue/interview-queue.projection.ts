import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  priorityRank,
  type ReturnInterviewDeadlineBreached,
  type ReturnInterviewEvent,
  type ReturnInterviewScheduled,
} from '@homeward/domain';
import type { RecordedEvent, SqlExecutor } from '@homeward/event-store';
import { EventProcessing, type Projection } from '@homeward/platform';

/** The return-interview queue as workers and coordinators see it. */
@Injectable()
export class InterviewQueueProjection implements Projection, OnModuleInit {
  readonly name = 'interviews.queue';
  readonly eventTypes = new Set<ReturnInterviewEvent['type']>([
    'ReturnInterviewScheduled',
    'ReturnInterviewDeadlineBreached',
    'ReturnInterviewCancelled',
  ]) as ReadonlySet<string>;
  readonly schema = `
    CREATE TABLE IF NOT EXISTS rm_interview_queue (
      interview_id     uuid PRIMARY KEY,
      episode_id       uuid NOT NULL,
      child_id         uuid NOT NULL,
      priority         text NOT NULL,
      priority_rank    int NOT NULL,
      priority_reasons jsonb NOT NULL,
      returned_at      timestamptz NOT NULL,
      due_at           timestamptz NOT NULL,
      status           text NOT NULL,
      breached         boolean NOT NULL DEFAULT false,
      notified_late    boolean NOT NULL DEFAULT false,
      updated_position bigint NOT NULL
    );
    CREATE INDEX IF NOT EXISTS rm_interview_queue_order
      ON rm_interview_queue (status, priority_rank, due_at)`;

  constructor(private readonly processing: EventProcessing) {}

  onModuleInit(): void {
    this.processing.registerProjection(this);
  }

  async apply(events: RecordedEvent[], tx: SqlExecutor): Promise<void> {
    for (const event of events as unknown as Array<RecordedEvent & ReturnInterviewEvent>) {
      switch (event.type) {
        case 'ReturnInterviewScheduled':
          await this.scheduled(event.data, event.globalPosition, tx);
          break;
        case 'ReturnInterviewDeadlineBreached':
          await this.breached(event.data, event.globalPosition, tx);
          break;
        case 'ReturnInterviewCancelled':
          await tx.query(
            `UPDATE rm_interview_queue SET status = 'CANCELLED', updated_position = $2
             WHERE interview_id = $1`,
            [event.data.interviewId, event.globalPosition],
          );
          break;
      }
    }
  }

  private async scheduled(
    d: ReturnInterviewScheduled['data'],
    position: number,
    tx: SqlExecutor,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO rm_interview_queue (interview_id, episode_id, child_id, priority, priority_rank,
         priority_reasons, returned_at, due_at, status, notified_late, updated_position)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, 'SCHEDULED', $9, $10)
       ON CONFLICT (interview_id) DO NOTHING`,
      [
        d.interviewId,
        d.episodeId,
        d.childId,
        d.priority,
        priorityRank(d.priority),
        JSON.stringify(d.priorityReasons),
        d.returnedAt,
        d.dueAt,
        d.notifiedLate,
        position,
      ],
    );
  }

  private async breached(
    d: ReturnInterviewDeadlineBreached['data'],
    position: number,
    tx: SqlExecutor,
  ): Promise<void> {
    await tx.query(
      `UPDATE rm_interview_queue SET breached = true, updated_position = $2 WHERE interview_id = $1`,
      [d.interviewId, position],
    );
  }
}
