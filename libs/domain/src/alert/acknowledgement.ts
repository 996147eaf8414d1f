import {
  ActionNotPermitted,
  InvalidCommand,
  RecordNotFound,
  RuleViolation,
} from '../shared/errors';
import { isBefore } from '../shared/time';
import type { AcknowledgeAlert, CheckAlertAcknowledgement } from './commands';
import type { AlertEvent } from './events';
import type { AlertState } from './state';

/**
 * When the scheduler should wake a CheckAlertAcknowledgement for this alert: its acknowledgeBy
 * while it is OPEN; null once acknowledged, escalated or closed, or when it has no deadline.
 */
export const alertAcknowledgementDue = (state: AlertState): string | null =>
  state.status === 'OPEN' ? state.acknowledgeBy : null;

/**
 * Someone in the alert's audience (or a safeguarding manager, who is passed every audience)
 * acknowledges it with a note. An escalated alert can still be acknowledged: the late
 * acknowledgement is recorded, and the escalation stays on the stream.
 */
export function acknowledge({ data }: AcknowledgeAlert, state: AlertState): AlertEvent[] {
  if (state.status === 'NONE' || state.type === null || state.audience === null) {
    throw new RecordNotFound(`no alert ${data.alertId} is known to Homeward`);
  }
  if (!data.callerAudiences.includes(state.audience)) {
    throw new ActionNotPermitted(
      `only ${state.audience} (or a safeguarding manager) can acknowledge alert ${data.alertId}`,
    );
  }
  if (data.note.trim() === '') {
    throw new InvalidCommand([
      { field: 'note', message: 'must not be empty: say what is being done about the alert' },
    ]);
  }
  if (state.status === 'ACKNOWLEDGED' || state.status === 'CLOSED') {
    throw new RuleViolation(`cannot acknowledge alert ${data.alertId}: ${describeStatus(state)}`);
  }
  return [
    {
      type: 'AlertAcknowledged',
      data: {
        alertId: data.alertId,
        childId: state.childId,
        type: state.type,
        audience: state.audience,
        acknowledgedBy: data.acknowledgedBy,
        acknowledgedAt: data.now,
        personal: { note: data.note },
      },
    },
  ];
}

const describeStatus = (state: AlertState): string => {
  const who =
    state.acknowledgedBy !== null
      ? `it was acknowledged by ${state.acknowledgedBy} at ${state.acknowledgedAt ?? 'an unknown time'}`
      : null;
  if (state.status === 'CLOSED') return who ? `it is closed; ${who}` : 'it is closed';
  return who ?? `it is ${state.status.toLowerCase()}`;
};

/**
 * Escalates an alert nobody acknowledged in time. A wake-up that is early, late, repeated, or for
 * an alert Homeward does not know is safe: AlertEscalated is recorded once, only for an OPEN
 * alert with a deadline that has come (now at or after acknowledgeBy).
 */
export function checkAcknowledgement(
  { data }: CheckAlertAcknowledgement,
  state: AlertState,
): AlertEvent[] {
  const acknowledgeBy = alertAcknowledgementDue(state);
  const { type, audience, raisedAt } = state;
  if (acknowledgeBy === null || type === null || audience === null || raisedAt === null) return [];
  if (isBefore(data.now, acknowledgeBy)) return [];
  return [
    {
      type: 'AlertEscalated',
      data: {
        alertId: data.alertId,
        childId: state.childId,
        type,
        audience,
        raisedAt,
        acknowledgeBy,
        escalatedAt: data.now,
      },
    },
  ];
}
