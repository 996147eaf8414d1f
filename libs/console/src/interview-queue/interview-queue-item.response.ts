import type { InterviewStatus, Priority } from '@homeward/domain';

export class InterviewQueueItem {
  interviewId!: string;
  episodeId!: string;
  linkedEpisodeIds!: string[];
  childId!: string;
  localAuthority!: string | null;
  priority!: Priority;
  priorityReasons!: string[];
  returnedAt!: string;
  dueAt!: string;
  status!: InterviewStatus;
  allocatedTo!: string | null;
  attempts!: number;
  breached!: boolean;
  notifiedLate!: boolean;
  unallocatedEscalated!: boolean;
  reminderDue!: boolean;
}
