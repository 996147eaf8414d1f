import type { AlertRaised } from '@homeward/domain';
import type { BusMessage } from '@homeward/messaging';

/**
 * What leaves Homeward about an alert, on Kafka and in webhooks: the alert as raised, without
 * its internal tracing (`causedBy`). Ids only: no personal details about the child.
 */
export interface AlertDocument {
  alertId: string;
  type: AlertRaised['data']['type'];
  audience: AlertRaised['data']['audience'];
  childId: string | null;
  localAuthority: string | null;
  reasons: string[];
  dueBy: string | null;
  acknowledgeBy: string | null;
  raisedAt: string;
}

export function alertDocumentOf(event: AlertRaised): AlertDocument {
  const d = event.data;
  return {
    alertId: d.alertId,
    type: d.type,
    audience: d.audience,
    childId: d.childId,
    localAuthority: d.localAuthority,
    reasons: d.reasons,
    dueBy: d.dueBy,
    acknowledgeBy: d.acknowledgeBy,
    raisedAt: d.raisedAt,
  };
}

/** The body POSTed and signed: one fixed serialisation, so every attempt sends the same bytes. */
export const alertBody = (alert: AlertDocument): string => JSON.stringify(alert);

/** The alert on `safeguarding.alerts.v1`: keyed by child id (the alert id without a child). */
export function alertMessage(alert: AlertDocument): BusMessage {
  return {
    key: alert.childId ?? alert.alertId,
    value: alertBody(alert),
    headers: {
      'alert-id': alert.alertId,
      'alert-type': alert.type,
      audience: alert.audience,
      'content-type': 'application/json',
    },
  };
}
