import { InvalidCommand, RecordNotFound, RuleViolation, type FieldError } from '../shared/errors';
import type {
  CmogActionCommand,
  CompleteCmogAction,
  DeferCmogAction,
  FlagOverdueCmogAction,
  RecordCmogAction,
} from './action-commands';
import type { CmogActionEvent, CmogActionRecorded } from './action-events';
import type { CmogActionState } from './action-state';
import { isCalendarDate, isDayBefore } from './dates';
import { CMOG_DEFERRALS_BEFORE_FLAG } from './values';

export function decideCmogAction(
  command: CmogActionCommand,
  state: CmogActionState,
): CmogActionEvent[] {
  switch (command.type) {
    case 'RecordCmogAction':
      return record(command, state);
    case 'DeferCmogAction':
      return defer(command, state);
    case 'CompleteCmogAction':
      return complete(command, state);
    case 'FlagOverdueCmogAction':
      return flagOverdue(command, state);
  }
}

/** Words that join several people: an action owned by everyone is owned by no one. */
const SEVERAL_PEOPLE = /[,;/&+]|\band\b/i;

function record({ data }: RecordCmogAction, state: CmogActionState): CmogActionEvent[] {
  const errors = recordProblems(data);
  if (errors.length > 0) throw new InvalidCommand(errors);
  const event: CmogActionRecorded = {
    type: 'CmogActionRecorded',
    data: {
      actionId: data.actionId,
      meetingId: data.meetingId,
      localAuthority: data.localAuthority.trim(),
      childId: data.childId,
      agency: data.agency.trim(),
      dueOn: data.dueOn,
      recordedBy: data.recordedBy,
      recordedAt: data.now,
      personal: {
        owner: data.owner.trim(),
        description: data.description.trim(),
        intendedOutcome: data.intendedOutcome.trim(),
      },
    },
  };
  if (state.recorded !== null) {
    // A resent request is recognised; another action under the same id is refused.
    if (sameAction(state.recorded, event.data)) return [];
    throw new RuleViolation(
      `action ${data.actionId} was already recorded by ${state.recorded.recordedBy} at ${state.recorded.recordedAt}`,
    );
  }
  return [event];
}

function recordProblems(data: RecordCmogAction['data']): FieldError[] {
  const errors: FieldError[] = [];
  const required = (field: string, value: unknown, message: string) => {
    if (typeof value !== 'string' || value.trim() === '') errors.push({ field, message });
  };
  required('description', data.description, 'must say what is to be done');
  required('agency', data.agency, 'must name the agency that owns the action');
  required('intendedOutcome', data.intendedOutcome, 'must say what the action should achieve');
  const owner = typeof data.owner === 'string' ? data.owner.trim() : '';
  if (owner === '') {
    errors.push({ field: 'owner', message: 'must name the one person who owns the action' });
  } else if (SEVERAL_PEOPLE.test(owner)) {
    errors.push({ field: 'owner', message: 'must be one named person, not several' });
  } else if (
    typeof data.agency === 'string' &&
    owner.toLowerCase() === data.agency.trim().toLowerCase()
  ) {
    errors.push({ field: 'owner', message: 'must be a named person, not the agency' });
  }
  if (!isCalendarDate(data.dueOn)) {
    errors.push({ field: 'dueOn', message: 'must be a date, YYYY-MM-DD' });
  } else if (isDayBefore(data.dueOn, data.today)) {
    errors.push({ field: 'dueOn', message: `must not be in the past (today is ${data.today})` });
  }
  return errors;
}

const sameAction = (a: CmogActionRecorded['data'], b: CmogActionRecorded['data']): boolean =>
  a.meetingId === b.meetingId &&
  a.childId === b.childId &&
  a.agency === b.agency &&
  a.dueOn === b.dueOn &&
  a.personal.owner === b.personal.owner &&
  a.personal.description === b.personal.description &&
  a.personal.intendedOutcome === b.personal.intendedOutcome;

function requireOpen(state: CmogActionState, actionId: string, action: string): void {
  if (state.status === 'NONE' || state.recorded === null) {
    throw new RecordNotFound(`no CMOG action ${actionId} is known to Homeward`);
  }
  if (state.status === 'DONE') {
    throw new RuleViolation(
      `cannot ${action}: it was completed by ${state.completedBy ?? 'someone'} at ${state.completedAt ?? 'an unknown time'}`,
    );
  }
}

function defer({ data }: DeferCmogAction, state: CmogActionState): CmogActionEvent[] {
  requireOpen(state, data.actionId, 'defer the action');
  const recorded = state.recorded!;
  const dueOn = state.dueOn!;
  const errors: FieldError[] = [];
  if (!isCalendarDate(data.newDueOn)) {
    errors.push({ field: 'newDueOn', message: 'must be a date, YYYY-MM-DD' });
  } else if (!isDayBefore(dueOn, data.newDueOn)) {
    errors.push({ field: 'newDueOn', message: `must be after the current due date, ${dueOn}` });
  }
  if (typeof data.reason !== 'string' || data.reason.trim() === '') {
    errors.push({ field: 'reason', message: 'must say why the action is deferred' });
  }
  if (errors.length > 0) throw new InvalidCommand(errors);
  const deferral = state.deferrals.length + 1;
  const events: CmogActionEvent[] = [
    {
      type: 'CmogActionDeferred',
      data: {
        actionId: data.actionId,
        childId: recorded.childId,
        previousDueOn: dueOn,
        newDueOn: data.newDueOn,
        deferral,
        deferredBy: data.deferredBy,
        deferredAt: data.now,
        personal: { reason: data.reason.trim() },
      },
    },
  ];
  if (deferral >= CMOG_DEFERRALS_BEFORE_FLAG && !state.flags.includes('DEFERRED_TWICE')) {
    events.push({
      type: 'CmogActionFlagged',
      data: {
        actionId: data.actionId,
        childId: recorded.childId,
        localAuthority: recorded.localAuthority,
        reason: 'DEFERRED_TWICE',
        dueOn: data.newDueOn,
        deferrals: deferral,
        flaggedAt: data.now,
      },
    });
  }
  return events;
}

function complete({ data }: CompleteCmogAction, state: CmogActionState): CmogActionEvent[] {
  requireOpen(state, data.actionId, 'complete the action');
  if (typeof data.outcome !== 'string' || data.outcome.trim() === '') {
    throw new InvalidCommand([{ field: 'outcome', message: 'must say what came of the action' }]);
  }
  const dueOn = state.dueOn!;
  return [
    {
      type: 'CmogActionCompleted',
      data: {
        actionId: data.actionId,
        childId: state.recorded!.childId,
        dueOn,
        late: isDayBefore(dueOn, data.today),
        completedBy: data.completedBy,
        completedAt: data.now,
        personal: { outcome: data.outcome.trim() },
      },
    },
  ];
}

function flagOverdue({ data }: FlagOverdueCmogAction, state: CmogActionState): CmogActionEvent[] {
  if (state.status !== 'OPEN' || state.recorded === null || state.dueOn === null) return [];
  if (state.flags.includes('OVERDUE') || !isDayBefore(state.dueOn, data.today)) return [];
  return [
    {
      type: 'CmogActionFlagged',
      data: {
        actionId: data.actionId,
        childId: state.recorded.childId,
        localAuthority: state.recorded.localAuthority,
        reason: 'OVERDUE',
        dueOn: state.dueOn,
        deferrals: state.deferrals.length,
        flaggedAt: data.now,
      },
    },
  ];
}
