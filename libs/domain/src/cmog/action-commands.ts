/** Record an action agreed at a meeting. The caller has checked the meeting and passes its authority. */
export interface RecordCmogAction {
  type: 'RecordCmogAction';
  data: {
    actionId: string;
    meetingId: string;
    localAuthority: string;
    childId: string | null;
    description: string;
    /** One named person who answers for it (not an agency, not a list). */
    owner: string;
    agency: string;
    dueOn: string;
    intendedOutcome: string;
    recordedBy: string;
    /** Today's date where CMOG sits (YYYY-MM-DD): an action cannot be due in the past. */
    today: string;
    now: string;
  };
}

export interface DeferCmogAction {
  type: 'DeferCmogAction';
  data: {
    actionId: string;
    newDueOn: string;
    reason: string;
    deferredBy: string;
    now: string;
  };
}

export interface CompleteCmogAction {
  type: 'CompleteCmogAction';
  data: {
    actionId: string;
    outcome: string;
    completedBy: string;
    today: string;
    now: string;
  };
}

/**
 * Sent when an agenda lists the action as overdue: records CmogActionFlagged {OVERDUE} once.
 * Early, repeated or for a done action, it changes nothing.
 */
export interface FlagOverdueCmogAction {
  type: 'FlagOverdueCmogAction';
  data: { actionId: string; today: string; now: string };
}

export type CmogActionCommand =
  RecordCmogAction | DeferCmogAction | CompleteCmogAction | FlagOverdueCmogAction;
