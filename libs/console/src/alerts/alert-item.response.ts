import type { AlertAudience, AlertStatus, AlertType } from '@homeward/domain';

export class AlertItem {
  alertId!: string;
  type!: AlertType;
  audience!: AlertAudience;
  childId!: string | null;
  localAuthority!: string | null;
  reasons!: string[];
  causedBy!: string[];
  dueBy!: string | null;
  raisedAt!: string;
  /** Escalated to the safeguarding manager if nobody of the audience acknowledges it by then. */
  acknowledgeBy!: string | null;
  status!: AlertStatus;
  acknowledgedBy!: string | null;
  acknowledgedAt!: string | null;
  escalatedAt!: string | null;
}
