import type { Priority } from '../policies/triage';
import type { ScreeningAssessment, ScreeningInput } from '../screening/screening';
import type { ContactMethod, InterviewPersonalRecord, ReviewDecision } from './values';

/*
 * Events on a return interview's stream. Every deadline is here as a time (`dueAt`,
 * `unallocatedAlertAt`, `reminderAt`) and every escalation as an event; the scheduler only wakes
 * a re-check. Free text about the child sits under `personal`, ready for per-person encryption.
 */

export interface ReturnInterviewScheduled {
  type: 'ReturnInterviewScheduled';
  data: {
    interviewId: string;
    episodeId: string;
    childId: string;
    localAuthority: string | null;
    foundAt: string;
    returnedAt: string;
    /** returnedAt + the policy's deadline: the clock runs from the return, not from our receipt. */
    dueAt: string;
    /** Still unallocated at this time: RI_UNALLOCATED to the coordinator. */
    unallocatedAlertAt: string;
    /** No outcome by this time: a reminder to the allocated worker. */
    reminderAt: string;
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

/** Nobody was allocated within the policy's hours of scheduling. Recorded once. */
export interface ReturnInterviewUnallocatedEscalated {
  type: 'ReturnInterviewUnallocatedEscalated';
  data: {
    interviewId: string;
    childId: string;
    scheduledAt: string;
    unallocatedAlertAt: string;
    dueAt: string;
    detectedAt: string;
  };
}

/** The deadline is near and no outcome is recorded: the allocated worker is reminded. */
export interface ReturnInterviewReminderDue {
  type: 'ReturnInterviewReminderDue';
  data: {
    interviewId: string;
    childId: string;
    /** Null when still unallocated: the reminder then goes to the coordinator. */
    workerId: string | null;
    dueAt: string;
    detectedAt: string;
  };
}

export interface ReturnInterviewCancelled {
  type: 'ReturnInterviewCancelled';
  data: { interviewId: string; childId: string; cancelledAt: string; reason: string };
}

export interface ReturnInterviewLinkedToEpisode {
  type: 'ReturnInterviewLinkedToEpisode';
  data: { interviewId: string; childId: string; episodeId: string; linkedAt: string };
}

export interface ReturnInterviewReprioritised {
  type: 'ReturnInterviewReprioritised';
  data: {
    interviewId: string;
    childId: string;
    previousPriority: Priority;
    priority: Priority;
    priorityReasons: string[];
    reprioritisedAt: string;
  };
}

export interface ReturnInterviewAllocated {
  type: 'ReturnInterviewAllocated';
  data: {
    interviewId: string;
    childId: string;
    workerId: string;
    previousWorkerId: string | null;
    allocatedBy: string;
    allocatedAt: string;
  };
}

export interface ContactAttemptRecorded {
  type: 'ContactAttemptRecorded';
  data: {
    interviewId: string;
    childId: string;
    attemptNumber: number;
    at: string;
    method: ContactMethod;
    recordedBy: string;
    recordedAt: string;
    personal: { outcome: string };
  };
}

/** The interview was held, with the CSE screening: the level suggested and the level confirmed. */
export interface ReturnInterviewHeld {
  type: 'ReturnInterviewHeld';
  data: {
    interviewId: string;
    childId: string;
    episodeId: string;
    conductedAt: string;
    dueAt: string;
    heldWithinDeadline: boolean;
    completedBy: string;
    recordedAt: string;
    /** 1 for the first record; higher when a record returned by the quality check is amended. */
    revision: number;
    screening: ScreeningAssessment & {
      /** Social care decide on a referral by then (MEDIUM or SIGNIFICANT only). */
      socialCareDecisionDueAt: string | null;
    };
    personal: InterviewPersonalRecord & {
      /** The indicators ticked: special-category data about the child. */
      indicators: ScreeningInput;
    };
  };
}

export interface ReturnInterviewDeclined {
  type: 'ReturnInterviewDeclined';
  data: {
    interviewId: string;
    childId: string;
    declinedAt: string;
    recordedBy: string;
    recordedAt: string;
    personal: { reason: string; carerInformation: string | null };
  };
}

export interface ReturnInterviewNotPossible {
  type: 'ReturnInterviewNotPossible';
  data: {
    interviewId: string;
    childId: string;
    recordedBy: string;
    recordedAt: string;
    personal: { reason: string };
  };
}

export interface ReturnInterviewReviewed {
  type: 'ReturnInterviewReviewed';
  data: {
    interviewId: string;
    childId: string;
    decision: ReviewDecision;
    revision: number;
    reviewedBy: string;
    reviewedAt: string;
    personal: { comment: string };
  };
}

export type ReturnInterviewEvent =
  | ReturnInterviewScheduled
  | ReturnInterviewDeadlineBreached
  | ReturnInterviewUnallocatedEscalated
  | ReturnInterviewReminderDue
  | ReturnInterviewCancelled
  | ReturnInterviewLinkedToEpisode
  | ReturnInterviewReprioritised
  | ReturnInterviewAllocated
  | ContactAttemptRecorded
  | ReturnInterviewHeld
  | ReturnInterviewDeclined
  | ReturnInterviewNotPossible
  | ReturnInterviewReviewed;

export const RETURN_INTERVIEW_EVENT_TYPES: ReadonlyArray<ReturnInterviewEvent['type']> = [
  'ReturnInterviewScheduled',
  'ReturnInterviewDeadlineBreached',
  'ReturnInterviewUnallocatedEscalated',
  'ReturnInterviewReminderDue',
  'ReturnInterviewCancelled',
  'ReturnInterviewLinkedToEpisode',
  'ReturnInterviewReprioritised',
  'ReturnInterviewAllocated',
  'ContactAttemptRecorded',
  'ReturnInterviewHeld',
  'ReturnInterviewDeclined',
  'ReturnInterviewNotPossible',
  'ReturnInterviewReviewed',
];
