import {
  ActionNotPermitted,
  InvalidCommand,
  RecordNotFound,
  RuleViolation,
} from '../shared/errors';
import { addHours, isBefore } from '../shared/time';
import type { ReturnInterviewState } from './state';

/** Clocks differ a little between a worker's device and ours; more than this is a mistake. */
const FUTURE_TOLERANCE_MINUTES = 5;

const describeStatus = (state: ReturnInterviewState): string => {
  switch (state.status) {
    case 'HELD':
      return 'it has already been held and recorded';
    case 'DECLINED':
      return 'it was recorded as declined';
    case 'NOT_POSSIBLE':
      return 'it was recorded as not possible';
    case 'CANCELLED':
      return 'it was cancelled (the missing report was made in error)';
    default:
      return `it is ${state.status.toLowerCase()}`;
  }
};

export function requireScheduled(state: ReturnInterviewState, interviewId: string): void {
  if (state.status === 'NOT_SCHEDULED') {
    throw new RecordNotFound(`no return interview ${interviewId} is known to Homeward`);
  }
}

/** Only an interview still waiting for an outcome can be worked on. */
export function requireAwaitingOutcome(
  state: ReturnInterviewState,
  interviewId: string,
  action: string,
): void {
  requireScheduled(state, interviewId);
  if (state.status !== 'SCHEDULED' && state.status !== 'ALLOCATED') {
    throw new RuleViolation(`cannot ${action}: ${describeStatus(state)}`);
  }
}

/** Contact, completion, decline and not-possible are the allocated worker's to record. */
export function requireAllocatedWorker(
  state: ReturnInterviewState,
  caller: string,
  action: string,
): void {
  if (state.status === 'SCHEDULED' || state.workerId === null) {
    throw new RuleViolation(
      `cannot ${action}: the interview is not allocated yet; a coordinator allocates it first`,
    );
  }
  if (state.workerId !== caller) {
    throw new ActionNotPermitted(`only the allocated worker (${state.workerId}) can ${action}`);
  }
}

export function requireNotInFuture(field: string, at: string, now: string): void {
  if (isBefore(addHours(now, FUTURE_TOLERANCE_MINUTES / 60), at)) {
    throw new InvalidCommand([{ field, message: `must not be in the future (got ${at})` }]);
  }
}

export function requireText(field: string, value: string): void {
  if (value.trim().length === 0) {
    throw new InvalidCommand([{ field, message: 'must not be empty' }]);
  }
}
