import { Query } from '@nestjs/cqrs';
import type { AlertAudience, AlertStatus, AlertType } from '@homeward/domain';
import type { ChildLevelQuery } from '@homeward/platform';
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
export class GetAlerts extends Query<AlertItem[]> implements ChildLevelQuery<AlertItem[]> {
  constructor(readonly filter: AlertFilter) {
    super();
  }

  childrenIn(alerts: AlertItem[]): string[] {
    return alerts.flatMap((a) => (a.childId ? [a.childId] : []));
  }
}
