import { Query } from '@nestjs/cqrs';
import type { AlertAudience, AlertStatus, AlertType } from '@homeward/domain';

export interface AlertItem {
  alertId: string;
  type: AlertType;
  audience: AlertAudience;
  childId: string | null;
  localAuthority: string | null;
  reasons: string[];
  causedBy: string[];
  dueBy: string | null;
  raisedAt: string;
  /** Escalated to the safeguarding manager if nobody of the audience acknowledges it by then. */
  acknowledgeBy: string | null;
  status: AlertStatus;
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
  escalatedAt: string | null;
}

export interface AlertFilter {
  type?: AlertType;
  childId?: string;
  status?: AlertStatus;
  /** The audiences the caller may see (all of them for a safeguarding manager). */
  audiences: AlertAudience[];
}

/** Alerts, newest first. */
export class GetAlerts extends Query<AlertItem[]> {
  constructor(readonly filter: AlertFilter) {
    super();
  }
}
