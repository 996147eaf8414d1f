import type { Priority } from '../policies/triage';

export interface ReturnInterviewScheduled {
  type: 'ReturnInterviewScheduled';
  data: {
    interviewId: string;
    episodeId: string;
    childId: string;
    foundAt: string;
    returnedAt: string;
    /** returnedAt + the policy's deadline: the clock runs from the return, not from our receipt. */
    dueAt: string;
    scheduledAt: string;
    priority: Priority;
    priorityReasons: string[];
    /** The found notification reached Homeward after the deadline had already passed. */
    notifiedLate: boolean;
  };
}

/** The deadline passed without an outcome. Recorded once; a notification that came late says so. */
export interface ReturnInterviewDeadlineBreached {
  type: 'ReturnInterviewDeadlineBreached';
  data: {
    interviewId: string;
    childId: string;
    dueAt: string;
    detectedAt: string;
    notifiedLate: boolean;
  };
}

export interface ReturnInterviewCancelled {
  type: 'ReturnInterviewCancelled';
  data: { interviewId: string; childId: string; cancelledAt: string; reason: string };
}

export type ReturnInterviewEvent =
  ReturnInterviewScheduled | ReturnInterviewDeadlineBreached | ReturnInterviewCancelled;

export const RETURN_INTERVIEW_EVENT_TYPES: ReadonlyArray<ReturnInterviewEvent['type']> = [
  'ReturnInterviewScheduled',
  'ReturnInterviewDeadlineBreached',
  'ReturnInterviewCancelled',
];
