import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Priority } from '@homeward/domain';
import { SQL_DATABASE, type SqlDatabase } from '@homeward/event-store';
import { GetInterviewQueue, type InterviewQueueItem } from './get-interview-queue.query';

interface Row {
  interview_id: string;
  episode_id: string;
  child_id: string;
  priority: Priority;
  priority_reasons: string[];
  returned_at: Date;
  due_at: Date;
  status: string;
  breached: boolean;
  notified_late: boolean;
}

@QueryHandler(GetInterviewQueue)
export class GetInterviewQueueHandler implements IQueryHandler<GetInterviewQueue> {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async execute(): Promise<InterviewQueueItem[]> {
    const rows = await this.db.query<Row>(
      `SELECT interview_id::text AS interview_id, episode_id::text AS episode_id,
              child_id::text AS child_id, priority, priority_reasons, returned_at, due_at, status,
              breached, notified_late
       FROM rm_interview_queue WHERE status = 'SCHEDULED'
       ORDER BY priority_rank, due_at, interview_id`,
    );
    return rows.map((r) => ({
      interviewId: r.interview_id,
      episodeId: r.episode_id,
      childId: r.child_id,
      priority: r.priority,
      priorityReasons: r.priority_reasons,
      returnedAt: new Date(r.returned_at).toISOString(),
      dueAt: new Date(r.due_at).toISOString(),
      status: r.status,
      breached: r.breached,
      notifiedLate: r.notified_late,
    }));
  }
}
