import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  RETURN_INTERVIEW_EVENT_TYPES,
  priorityRank,
  type ReturnInterviewEvent,
  type ReturnInterviewScheduled,
} from '@homeward/domain';
import type { RecordedEvent, SqlExecutor } from '@homeward/event-store';
import { EventProcessing, type Projection, type ReadModel } from '@homeward/platform';

/** Its tables, and their numbered migrations: never edit a released one, add the next id. */
export const INTERVIEW_QUEUE_READ_MODEL: ReadModel = {
  projection: 'interviews.queue.v2',
  tables: ['rm_interview_queue_v2'],
  migrations: [
    {
      id: 1,
      name: 'create',
      sql: `
  CREATE TABLE IF NOT EXISTS rm_interview_queue_v2 (
    interview_id          uuid PRIMARY KEY,
    episode_id            uuid NOT NULL,
    child_id              uuid NOT NULL,
    local_authority       text,
    priority              text NOT NULL,
    priority_rank         int NOT NULL,
    priority_reasons      jsonb NOT NULL,
    returned_at           timestamptz NOT NULL,
    due_at                timestamptz NOT NULL,
    scheduled_at          timestamptz NOT NULL,
    status                text NOT NULL,
    allocated_to          text,
    attempts              int NOT NULL DEFAULT 0,
    linked_episode_ids    jsonb NOT NULL DEFAULT '[]',
    breached              boolean NOT NULL DEFAULT false,
    notified_late         boolean NOT NULL DEFAULT false,
    unallocated_escalated boolean NOT NULL DEFAULT false,
    reminder_due          boolean NOT NULL DEFAULT false,
    outcome_at            timestamptz,
    held_within_deadline  boolean,
    confirmed_level       text,
    review                text,
    updated_position      bigint NOT NULL
  );
  CREATE INDEX IF NOT EXISTS rm_interview_queue_v2_order
    ON rm_interview_queue_v2 (status, priority_rank, due_at)`,
    },
  ],
};

/**
 * The return-interview queue as workers and coordinators see it. Versioned: a shape that needs
 * every event read again gets a new table and name, rebuilt from the store on start-up; one that
 * does not is the next migration of INTERVIEW_QUEUE_READ_MODEL.
 */
@Injectable()
export class InterviewQueueProjection implements Projection, OnModuleInit {
  readonly name = INTERVIEW_QUEUE_READ_MODEL.projection;
  readonly readModel = INTERVIEW_QUEUE_READ_MODEL;
  readonly eventTypes: ReadonlySet<string> = new Set(RETURN_INTERVIEW_EVENT_TYPES);

  constructor(private readonly processing: EventProcessing) {}

  onModuleInit(): void {
    this.processing.registerProjection(this);
  }

  async apply(events: RecordedEvent[], tx: SqlExecutor): Promise<void> {
    for (const recorded of events) {
      const event = recorded as unknown as ReturnInterviewEvent;
      if (event.type === 'ReturnInterviewScheduled') {
        await this.scheduled(event.data, recorded.globalPosition, tx);
        continue;
      }
      if (event.type === 'ReturnInterviewLinkedToEpisode') {
        await tx.query(
          `UPDATE rm_interview_queue_v2
           SET linked_episode_ids = linked_episode_ids || to_jsonb($3::text), updated_position = $2
           WHERE interview_id = $1 AND updated_position < $2`,
          [event.data.interviewId, recorded.globalPosition, event.data.episodeId],
        );
        continue;
      }
      const change = changeFor(event);
      if (!change) continue;
      const columns = Object.keys(change);
      // Only moves forward: a redelivered older event never overwrites a newer one.
      await tx.query(
        `UPDATE rm_interview_queue_v2
         SET ${columns.map((c, i) => `${c} = $${i + 3}`).join(', ')}, updated_position = $2
         WHERE interview_id = $1 AND updated_position < $2`,
        [event.data.interviewId, recorded.globalPosition, ...Object.values(change)],
      );
    }
  }

  private async scheduled(
    d: ReturnInterviewScheduled['data'],
    position: number,
    tx: SqlExecutor,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO rm_interview_queue_v2 (interview_id, episode_id, child_id, local_authority,
         priority, priority_rank, priority_reasons, returned_at, due_at, scheduled_at, status,
         notified_late, updated_position)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10, 'SCHEDULED', $11, $12)
       ON CONFLICT (interview_id) DO NOTHING`,
      [
        d.interviewId,
        d.episodeId,
        d.childId,
        d.localAuthority,
        d.priority,
        priorityRank(d.priority),
        JSON.stringify(d.priorityReasons),
        d.returnedAt,
        d.dueAt,
        d.scheduledAt,
        d.notifiedLate,
        position,
      ],
    );
  }
}

/** The columns an event changes, each to a whole value, so applying it twice changes nothing. */
function changeFor(event: ReturnInterviewEvent): Record<string, unknown> | null {
  switch (event.type) {
    case 'ReturnInterviewScheduled':
    case 'ReturnInterviewLinkedToEpisode':
      return null; // written by their own statements above
    case 'ReturnInterviewDeadlineBreached':
      return { breached: true };
    case 'ReturnInterviewUnallocatedEscalated':
      return { unallocated_escalated: true };
    case 'ReturnInterviewReminderDue':
      return { reminder_due: true };
    case 'ReturnInterviewCancelled':
      return { status: 'CANCELLED' };
    case 'ReturnInterviewReprioritised':
      return {
        priority: event.data.priority,
        priority_rank: priorityRank(event.data.priority),
        priority_reasons: JSON.stringify(event.data.priorityReasons),
      };
    case 'ReturnInterviewAllocated':
      return { status: 'ALLOCATED', allocated_to: event.data.workerId };
    case 'ContactAttemptRecorded':
      return { attempts: event.data.attemptNumber };
    case 'ReturnInterviewHeld':
      return {
        status: 'HELD',
        outcome_at: event.data.conductedAt,
        held_within_deadline: event.data.heldWithinDeadline,
        confirmed_level: event.data.screening.confirmed,
        review: null,
      };
    case 'ReturnInterviewDeclined':
      return { status: 'DECLINED', outcome_at: event.data.declinedAt };
    case 'ReturnInterviewNotPossible':
      return { status: 'NOT_POSSIBLE', outcome_at: event.data.recordedAt };
    case 'ReturnInterviewReviewed':
      return { review: event.data.decision };
  }
}
