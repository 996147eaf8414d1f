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
    now: string;
  };
}

/** AcknowledgeAlert and EscalateAlert come next; they join this union. */
export type AlertCommand = RaiseAlert;
