import type { TriageFacts } from '../policies/triage';

export interface ScheduleReturnInterview {
  type: 'ScheduleReturnInterview';
  data: {
    interviewId: string;
    episodeId: string;
    childId: string;
    foundAt: string;
    returnedAt: string;
    /** When Homeward learnt the child was found. */
    notifiedAt: string;
    triage: TriageFacts;
    deadlineHours: number;
    now: string;
  };
}

export interface CancelReturnInterview {
  type: 'CancelReturnInterview';
  data: { interviewId: string; childId: string; reason: string; now: string };
}

/** Woken by the scheduler at (or after) the deadline: records the breach if nothing was held. */
export interface CheckReturnInterviewDeadline {
  type: 'CheckReturnInterviewDeadline';
  data: { interviewId: string; now: string };
}

export type ReturnInterviewCommand =
  ScheduleReturnInterview | CancelReturnInterview | CheckReturnInterviewDeadline;
