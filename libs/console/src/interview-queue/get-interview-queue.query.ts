import { Query } from '@nestjs/cqrs';
import type { Priority } from '@homeward/domain';

export interface InterviewQueueItem {
  interviewId: string;
  episodeId: string;
  childId: string;
  priority: Priority;
  priorityReasons: string[];
  returnedAt: string;
  dueAt: string;
  status: string;
  breached: boolean;
  notifiedLate: boolean;
}

/** Open return interviews, most urgent first: priority, then the earliest deadline. */
export class GetInterviewQueue extends Query<InterviewQueueItem[]> {}
