import { Query } from '@nestjs/cqrs';
import type { AlertAudience, AlertStatus, AlertType } from '@homeward/domain';
import type { AlertItem } from './alert-item.response';

export type { AlertItem };

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
