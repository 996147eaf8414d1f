import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { OPEN_INTERVIEW_STATUSES, type InterviewStatus, type Priority } from '@homeward/domain';
import { SQL_DATABASE, type SqlDatabase } from '@homeward/event-store';
import { currentScope, visibleChildSql } from '@homeward/platform';
import { GetInterviewQueue, type InterviewQueueItem } from './get-interview-queue.query';

interface Row {
  interview_id: string;
  episode_id: string;
  linked_episode_ids: string[];
  child_id: string;
  local_authority: string | null;
  priority: Priority;
  priority_reasons: string[];
  returned_at: Date;
  due_at: Date;
  status: InterviewStatus;
  allocated_to: string | null;
  attempts: number;
  breached: boolean;
  notified_late: boolean;
  unallocated_escalated: boolean;
  reminder_due: boolean;
}

@QueryHandler(GetInterviewQueue)
export class GetInterviewQueueHandler implements IQueryHandler<GetInterviewQueue> {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async execute({ filter }: GetInterviewQueue): Promise<InterviewQueueItem[]> {
    const params: unknown[] = [filter.status ?? OPEN_INTERVIEW_STATUSES];
    let where = `status = ANY($1::text[])`;
    if (filter.priority) {
      params.push(filter.priority);
      where += ` AND priority = ANY($${params.length}::text[])`;
    }
    if (filter.workerId) {
      params.push(filter.workerId);
      where += ` AND allocated_to = $${params.length}`;
    }
    // Only the caller's: a worker's allocated interviews, a coordinator's authorities' queue.
    const scope = currentScope();
    if (!scope.everyChild && scope.authorities.length === 0) {
      params.push(scope.allocatedTo);
      where += ` AND allocated_to = $${params.length}`;
    } else {
      where += ` AND ${visibleChildSql(scope, 'child_id', params)}`;
    }
    const rows = await this.db.query<Row>(
      `SELECT interview_id::text AS interview_id, episode_id::text AS episode_id,
              linked_episode_ids, child_id::text AS child_id, local_authority, priority,
              priority_reasons, returned_at, due_at, status, allocated_to, attempts, breached,
              notified_late, unallocated_escalated, reminder_due
       FROM rm_interview_queue_v2 WHERE ${where}
       ORDER BY priority_rank, due_at, interview_id`,
      params,
    );
    return rows.map((r) => ({
      interviewId: r.interview_id,
      episodeId: r.episode_id,
      linkedEpisodeIds: r.linked_episode_ids,
      childId: r.child_id,
      localAuthority: r.local_authority,
      priority: r.priority,
      priorityReasons: r.priority_reasons,
      returnedAt: new Date(r.returned_at).toISOString(),
      dueAt: new Date(r.due_at).toISOString(),
      status: r.status,
      allocatedTo: r.allocated_to,
      attempts: r.attempts,
      breached: r.breached,
      notifiedLate: r.notified_late,
      unallocatedEscalated: r.unallocated_escalated,
      reminderDue: r.reminder_due,
    }));
  }
}
