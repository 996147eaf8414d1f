import { InvalidCommand, type FieldError } from '../shared/errors';
import { addHours } from '../shared/time';
import { acknowledge, checkAcknowledgement } from './acknowledgement';
import type { AlertCommand, RaiseAlert } from './commands';
import type { AlertEvent } from './events';
import type { AlertState } from './state';
import { isAlertAudience, isAlertType } from './values';

export function decideAlert(command: AlertCommand, state: AlertState): AlertEvent[] {
  switch (command.type) {
    case 'RaiseAlert':
      return raise(command, state);
    case 'AcknowledgeAlert':
      return acknowledge(command, state);
    case 'CheckAlertAcknowledgement':
      return checkAcknowledgement(command, state);
  }
}

/**
 * Reactors run at least once: raising an alert that already exists (same cause, same id) is a
 * no-op. A malformed command is refused even then, so a faulty reactor is seen at once.
 */
function raise({ data }: RaiseAlert, state: AlertState): AlertEvent[] {
  const errors = problemsWith(data);
  if (errors.length > 0) throw new InvalidCommand(errors);
  if (state.status !== 'NONE') return [];
  return [
    {
      type: 'AlertRaised',
      data: {
        alertId: data.alertId,
        type: data.type,
        audience: data.audience,
        childId: data.childId,
        localAuthority: data.localAuthority,
        reasons: data.reasons,
        causedBy: data.causedBy,
        dueBy: data.dueBy ?? null,
        raisedAt: data.now,
        acknowledgeBy:
          data.acknowledgeWithinHours === null
            ? null
            : addHours(data.now, data.acknowledgeWithinHours),
      },
    },
  ];
}

function problemsWith(data: RaiseAlert['data']): FieldError[] {
  const errors: FieldError[] = [];
  if (!isAlertType(data.type)) errors.push({ field: 'type', message: 'is not an alert type' });
  if (!isAlertAudience(data.audience)) {
    errors.push({ field: 'audience', message: 'is not an alert audience' });
  }
  // The people told must be able to see why: an alert without a reason is not actionable.
  if (data.reasons.length === 0) {
    errors.push({ field: 'reasons', message: 'at least one reason is required' });
  }
  data.reasons.forEach((reason, index) => {
    if (reason.trim() === '') errors.push({ field: `reasons.${index}`, message: 'is empty' });
  });
  if (data.dueBy != null && Number.isNaN(Date.parse(data.dueBy))) {
    errors.push({ field: 'dueBy', message: 'must be an ISO 8601 date and time' });
  }
  errors.push(...acknowledgementProblems(data));
  return errors;
}

function acknowledgementProblems(data: RaiseAlert['data']): FieldError[] {
  const hours = data.acknowledgeWithinHours;
  if (hours === null) return [];
  const field = 'acknowledgeWithinHours';
  if (typeof hours !== 'number' || !Number.isFinite(hours) || hours <= 0) {
    return [{ field, message: 'must be a number of hours above 0, or null for no deadline' }];
  }
  // Escalating the escalation would raise ALERT_UNACKNOWLEDGED about itself without end.
  if (data.type === 'ALERT_UNACKNOWLEDGED') {
    return [{ field, message: 'must be null: ALERT_UNACKNOWLEDGED is the top of the ladder' }];
  }
  return [];
}
