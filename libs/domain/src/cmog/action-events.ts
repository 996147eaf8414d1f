import type { CmogActionFlagReason } from './values';

/**
 * CMOG agreed an action: one named owner in one agency, a due date and the outcome it is meant to
 * bring about. Names and free text sit under `personal`, ready for encryption.
 */
export interface CmogActionRecorded {
  type: 'CmogActionRecorded';
  data: {
    actionId: string;
    meetingId: string;
    localAuthority: string;
    childId: string | null;
    agency: string;
    dueOn: string;
    recordedBy: string;
    recordedAt: string;
    personal: { owner: string; description: string; intendedOutcome: string };
  };
}

/** The owner's agency cannot meet the date: a new one, and why. Every deferral is kept. */
export interface CmogActionDeferred {
  type: 'CmogActionDeferred';
  data: {
    actionId: string;
    childId: string | null;
    previousDueOn: string;
    newDueOn: string;
    /** How many times the action has now been deferred (1 for the first deferral). */
    deferral: number;
    deferredBy: string;
    deferredAt: string;
    personal: { reason: string };
  };
}

/**
 * The action needs the attention of the chair and the safeguarding manager, recorded once per
 * action and cause: DEFERRED_TWICE at its second deferral, OVERDUE when an agenda found it past due.
 */
export interface CmogActionFlagged {
  type: 'CmogActionFlagged';
  data: {
    actionId: string;
    childId: string | null;
    localAuthority: string;
    reason: CmogActionFlagReason;
    dueOn: string;
    deferrals: number;
    flaggedAt: string;
  };
}

/** Done, with what actually came of it. */
export interface CmogActionCompleted {
  type: 'CmogActionCompleted';
  data: {
    actionId: string;
    childId: string | null;
    dueOn: string;
    /** Completed after its (last) due date. */
    late: boolean;
    completedBy: string;
    completedAt: string;
    personal: { outcome: string };
  };
}

export type CmogActionEvent =
  CmogActionRecorded | CmogActionDeferred | CmogActionFlagged | CmogActionCompleted;

export const CMOG_ACTION_EVENT_TYPES: ReadonlyArray<CmogActionEvent['type']> = [
  'CmogActionRecorded',
  'CmogActionDeferred',
  'CmogActionFlagged',
  'CmogActionCompleted',
];
