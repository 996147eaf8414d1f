import { Query } from '@nestjs/cqrs';
import type { InterviewStatus, Priority } from '@homeward/domain';
import type { ChildLevelQuery } from '@homeward/platform';
import type { InterviewQueueItem } from './interview-queue-item.response';

export type { InterviewQueueItem };

export interface InterviewQueueFilter {
  /** Default: the open ones (SCHEDULED and ALLOCATED). */
  status?: InterviewStatus[];
  priority?: Priority[];
  workerId?: string;
}

/** Return interviews, most urgent first: priority, then the earliest deadline. */
export class GetInterviewQueue
  extends Query<InterviewQueueItem[]>
  implements ChildLevelQuery<InterviewQueueItem[]>
{
  constructor(readonly filter: InterviewQueueFilter = {}) {
    super();
  }

  childrenIn(items: InterviewQueueItem[]): string[] {
    return items.map((i) => i.childId);
  }
}
