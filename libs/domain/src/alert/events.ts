import type { AlertAudience, AlertType } from './values';

/**
 * An alert was raised to the people who must act on it. It names the child by id only: reasons
 * are written for the audience and carry no personal details, so they need no encryption.
 */
export interface AlertRaised {
  type: 'AlertRaised';
  data: {
    alertId: string;
    /** What the alert is about (the event's own `type` is always AlertRaised). */
    type: AlertType;
    audience: AlertAudience;
    /** Null for alerts about a place or a group of children (HOTSPOT, ASSOCIATION). */
    childId: string | null;
    localAuthority: string | null;
    /** Why, in plain words the audience can act on; never language that blames the child. */
    reasons: string[];
    /** Ids of the events that caused it, for tracing back to the police notification. */
    causedBy: string[];
    /** When the audience must have acted (e.g. a social care decision), if there is a deadline. */
    dueBy: string | null;
    raisedAt: string;
    /**
     * Not acknowledged by then, the alert is escalated (raisedAt + acknowledgeWithinHours).
     * Null when there is no acknowledgement deadline (ALERT_UNACKNOWLEDGED).
     */
    acknowledgeBy: string | null;
  };
}

/**
 * Someone in the alert's audience acknowledged it, possibly after it was escalated. The note is
 * free text that may be about the child, so it sits under `personal`, ready for encryption.
 */
export interface AlertAcknowledged {
  type: 'AlertAcknowledged';
  data: {
    alertId: string;
    childId: string | null;
    type: AlertType;
    audience: AlertAudience;
    acknowledgedBy: string;
    acknowledgedAt: string;
    personal: { note: string };
  };
}

/**
 * Nobody in the audience acknowledged the alert by its acknowledgeBy. Reactors raise
 * ALERT_UNACKNOWLEDGED to the safeguarding manager from this.
 */
export interface AlertEscalated {
  type: 'AlertEscalated';
  data: {
    alertId: string;
    childId: string | null;
    type: AlertType;
    audience: AlertAudience;
    raisedAt: string;
    acknowledgeBy: string;
    escalatedAt: string;
  };
}

/** Close comes next; it joins this union. */
export type AlertEvent = AlertRaised | AlertAcknowledged | AlertEscalated;

export const ALERT_EVENT_TYPES: ReadonlyArray<AlertEvent['type']> = [
  'AlertRaised',
  'AlertAcknowledged',
  'AlertEscalated',
];
