import type { AlertAudience, AlertType } from './values';

/**
 * Raised by reactors (repeat missing, screening outcomes, deadlines...). The alert id is derived
 * from its cause with alertIdFor, so a replayed or duplicated cause raises nothing new.
 */
export interface RaiseAlert {
  type: 'RaiseAlert';
  data: {
    alertId: string;
    type: AlertType;
    audience: AlertAudience;
    childId: string | null;
    localAuthority: string | null;
    reasons: string[];
    /** Event ids. */
    causedBy: string[];
    dueBy?: string | null;
    /**
     * Hours the audience has to acknowledge before the alert is escalated (policy
     * `alerts.acknowledgeWithinHours`). Null for no acknowledgement deadline, as for
     * ALERT_UNACKNOWLEDGED itself: it is the top of the escalation ladder.
     */
    acknowledgeWithinHours: number | null;
    now: string;
  };
}

/**
 * A person in the alert's audience has read it and says what they are doing about it. The
 * caller passes the audiences the person belongs to (a safeguarding manager is given them all).
 */
export interface AcknowledgeAlert {
  type: 'AcknowledgeAlert';
  data: {
    alertId: string;
    note: string;
    acknowledgedBy: string;
    callerAudiences: AlertAudience[];
    now: string;
  };
}

/**
 * Woken by the scheduler at the alert's acknowledgeBy (see alertAcknowledgementDue). A wake-up
 * that is early, late or repeated is safe: the escalation is recorded once, only when due.
 */
export interface CheckAlertAcknowledgement {
  type: 'CheckAlertAcknowledgement';
  data: {
    alertId: string;
    now: string;
  };
}

export type AlertCommand = RaiseAlert | AcknowledgeAlert | CheckAlertAcknowledgement;
