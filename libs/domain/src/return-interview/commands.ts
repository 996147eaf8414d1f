import type { TriageDecision } from '../policies/triage';
import type { ScreeningContext, ScreeningInput } from '../screening/screening';
import type { ContactMethod, InterviewPersonalRecord, ReviewDecision } from './values';

/** The escalation ladder's timings, from the local authority's policy. */
export interface InterviewTimings {
  deadlineHours: number;
  unallocatedAlertHours: number;
  reminderHoursBeforeDue: number;
}

export interface ScheduleReturnInterview {
  type: 'ScheduleReturnInterview';
  data: {
    interviewId: string;
    episodeId: string;
    childId: string;
    localAuthority: string | null;
    foundAt: string;
    returnedAt: string;
    /** When Homeward learnt the child was found. */
    notifiedAt: string;
    /** The triage policy's decision, made from what was known when the child was found. */
    triage: TriageDecision;
    timings: InterviewTimings;
    now: string;
  };
}

export interface CancelReturnInterview {
  type: 'CancelReturnInterview';
  data: { interviewId: string; childId: string; reason: string; now: string };
}

/**
 * Woken by the scheduler at (or after) one of the interview's deadlines: records each escalation
 * that is really due and was not yet recorded. Early, late and duplicate wake-ups are all safe.
 */
export interface CheckReturnInterviewDeadlines {
  type: 'CheckReturnInterviewDeadlines';
  data: { interviewId: string; now: string };
}

/** The child went missing again before the interview: it stays open, linked to the new episode. */
export interface LinkReturnInterviewToEpisode {
  type: 'LinkReturnInterviewToEpisode';
  data: {
    interviewId: string;
    episodeId: string;
    /** Triage again with the new episode counted; a change of priority is recorded. */
    triage: TriageDecision;
    now: string;
  };
}

export interface AllocateReturnInterview {
  type: 'AllocateReturnInterview';
  data: { interviewId: string; workerId: string; allocatedBy: string; now: string };
}

export interface RecordContactAttempt {
  type: 'RecordContactAttempt';
  data: {
    interviewId: string;
    at: string;
    method: ContactMethod;
    outcome: string;
    recordedBy: string;
    now: string;
  };
}

export interface CompleteReturnInterview {
  type: 'CompleteReturnInterview';
  data: {
    interviewId: string;
    conductedAt: string;
    screening: ScreeningInput;
    /** What Homeward knows of the child at the interview: age, learning disability, repeats. */
    screeningContext: ScreeningContext;
    /** Working days children's social care have to decide on a referral (policy). */
    socialCareDecisionWorkingDays: number;
    record: InterviewPersonalRecord;
    completedBy: string;
    now: string;
  };
}

export interface DeclineReturnInterview {
  type: 'DeclineReturnInterview';
  data: {
    interviewId: string;
    at: string;
    reason: string;
    carerInformation: string | null;
    recordedBy: string;
    now: string;
  };
}

export interface RecordReturnInterviewNotPossible {
  type: 'RecordReturnInterviewNotPossible';
  data: { interviewId: string; reason: string; recordedBy: string; now: string };
}

export interface ReviewReturnInterview {
  type: 'ReviewReturnInterview';
  data: {
    interviewId: string;
    decision: ReviewDecision;
    comment: string;
    reviewedBy: string;
    now: string;
  };
}

export type ReturnInterviewCommand =
  | ScheduleReturnInterview
  | CancelReturnInterview
  | CheckReturnInterviewDeadlines
  | LinkReturnInterviewToEpisode
  | AllocateReturnInterview
  | RecordContactAttempt
  | CompleteReturnInterview
  | DeclineReturnInterview
  | RecordReturnInterviewNotPossible
  | ReviewReturnInterview;
