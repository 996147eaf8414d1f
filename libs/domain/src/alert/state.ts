import type { AlertEvent } from './events';
import type { AlertAudience, AlertStatus, AlertType } from './values';

/**
 * NONE until raised, then OPEN. OPEN → ACKNOWLEDGED when someone in the audience acknowledges it;
 * OPEN → ESCALATED when nobody did by acknowledgeBy; ESCALATED → ACKNOWLEDGED when someone
 * acknowledges it late. CLOSED arrives with close.
 */
export interface AlertState {
  status: 'NONE' | AlertStatus;
  type: AlertType | null;
  audience: AlertAudience | null;
  childId: string | null;
  raisedAt: string | null;
  dueBy: string | null;
  acknowledgeBy: string | null;
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
}

export const initialAlertState = (): AlertState => ({
  status: 'NONE',
  type: null,
  audience: null,
  childId: null,
  raisedAt: null,
  dueBy: null,
  acknowledgeBy: null,
  acknowledgedBy: null,
  acknowledgedAt: null,
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
        acknowledgeBy: event.data.acknowledgeBy,
        acknowledgedBy: null,
        acknowledgedAt: null,
      };
    case 'AlertAcknowledged':
      return {
        ...state,
        status: 'ACKNOWLEDGED',
        acknowledgedBy: event.data.acknowledgedBy,
        acknowledgedAt: event.data.acknowledgedAt,
      };
    case 'AlertEscalated':
      return { ...state, status: 'ESCALATED' };
  }
}
