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
  };
}

/** Acknowledge, escalate and close come next; they join this union. */
export type AlertEvent = AlertRaised;

export const ALERT_EVENT_TYPES: ReadonlyArray<AlertEvent['type']> = ['AlertRaised'];
