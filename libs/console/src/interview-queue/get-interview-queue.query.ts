import { Query } from '@nestjs/cqrs';
import type { InterviewStatus, Priority } from '@homeward/domain';

export interface InterviewQueueItem {
  interviewId: string;
  episodeId: string;
  linkedEpisodeIds: string[];
  childId: string;
  localAuthority: string | null;
  priority: Priority;
  priorityReasons: string[];
  returnedAt: string;
  dueAt: string;
  status: InterviewStatus;
  allocatedTo: string | null;
  attempts: number;
  breached: boolean;
  notifiedLate: boolean;
  unallocatedEscalated: boolean;
  reminderDue: boolean;
}

export interface InterviewQueueFilter {
  /** Default: the open ones (SCHEDULED and ALLOCATED). */
  status?: InterviewStatus[];
  priority?: Priority[];
  workerId?: string;
}

/** Return interviews, most urgent first: priority, then the earliest deadline. */
export class GetInterviewQueue extends Query<InterviewQueueItem[]> {
  constructor(readonly filter: InterviewQueueFilter = {}) {
    super();
  }
}
