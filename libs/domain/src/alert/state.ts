import type { AlertEvent } from './events';
import type { AlertAudience, AlertStatus, AlertType } from './values';

export interface AlertState {
  /** NONE until raised; the later statuses arrive with acknowledge and escalate. */
  status: 'NONE' | AlertStatus;
  type: AlertType | null;
  audience: AlertAudience | null;
  childId: string | null;
  raisedAt: string | null;
  dueBy: string | null;
}

export const initialAlertState = (): AlertState => ({
  status: 'NONE',
  type: null,
  audience: null,
  childId: null,
  raisedAt: null,
  dueBy: null,
});

export function evolveAlert(state: AlertState, event: AlertEvent): AlertState {
  switch (event.type) {
    case 'AlertRaised':
      return {
        status: 'OPEN',
        type: event.data.type,
        audience: event.data.audience,
        childId: event.data.childId,
        raisedAt: event.data.raisedAt,
        dueBy: event.data.dueBy,
      };
  }
}
