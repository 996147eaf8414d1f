import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  RETURN_INTERVIEW_EVENT_TYPES,
  priorityRank,
  type ReturnInterviewEvent,
  type ReturnInterviewScheduled,
} from '@homeward/domain';
import type { RecordedEvent, SqlExecutor } from '@homeward/event-store';
import {
  EventProcessing,
  insertRows,
  updateRows,
  type Projection,
  type ReadModel,
  type RowChange,
  type RowChanges,
} from '@homeward/platform';

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

  /** A batch in sets: one insert for the new interviews, one update per shape of change. */
  async apply(events: RecordedEvent[], tx: SqlExecutor): Promise<void> {
    const scheduled: Array<Record<string, unknown>> = [];
    const changes: RowChange[] = [];
    for (const recorded of events) {
      const event = recorded as unknown as ReturnInterviewEvent;
      if (event.type === 'ReturnInterviewScheduled') {
        scheduled.push(scheduledRow(event.data, recorded.globalPosition));
        continue;
      }
      const set = changeFor(event);
      if (set) {
        changes.push({ key: event.data.interviewId, position: recorded.globalPosition, set });
      }
    }
    await insertRows(tx, 'rm_interview_queue_v2', 'interview_id', scheduled);
    // Only moves forward: a redelivered older event never overwrites a newer one.
    await updateRows(tx, QUEUE_ROWS, changes);
  }
}

const QUEUE_ROWS: RowChanges = {
  table: 'rm_interview_queue_v2',
  key: 'interview_id',
  position: 'updated_position',
  combine: { linked_episode_ids: 'append' },
};

const scheduledRow = (d: ReturnInterviewScheduled['data'], position: number) => ({
  interview_id: d.interviewId,
  episode_id: d.episodeId,
  child_id: d.childId,
  local_authority: d.localAuthority,
  priority: d.priority,
  priority_rank: priorityRank(d.priority),
  priority_reasons: d.priorityReasons,
  returned_at: d.returnedAt,
  due_at: d.dueAt,
  scheduled_at: d.scheduledAt,
  status: 'SCHEDULED',
  notified_late: d.notifiedLate,
  updated_position: position,
});

/** The columns an event changes, each to a whole value, so applying it twice changes nothing. */
function changeFor(event: ReturnInterviewEvent): Record<string, unknown> | null {
  switch (event.type) {
    case 'ReturnInterviewScheduled':
      return null; // a new row
    case 'ReturnInterviewLinkedToEpisode':
      return { linked_episode_ids: [event.data.episodeId] };
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
        priority_reasons: event.data.priorityReasons,
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
