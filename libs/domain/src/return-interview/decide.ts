import type { ReturnInterviewCommand } from './commands';
import { complete } from './complete';
import { checkDeadlines } from './deadlines';
import type { ReturnInterviewEvent } from './events';
import { schedule } from './schedule';
import type { ReturnInterviewState } from './state';
import {
  allocate,
  cancel,
  decline,
  linkToEpisode,
  notPossible,
  recordAttempt,
  review,
} from './workflow';

export function decideReturnInterview(
  command: ReturnInterviewCommand,
  state: ReturnInterviewState,
): ReturnInterviewEvent[] {
  switch (command.type) {
    case 'ScheduleReturnInterview':
      // Scheduling is driven by an at-least-once reactor: a second request is a no-op.
      return state.status === 'NOT_SCHEDULED' ? schedule(command) : [];
    case 'CancelReturnInterview':
      return cancel(command, state);
    case 'CheckReturnInterviewDeadlines':
      return checkDeadlines(command.data, state);
    case 'LinkReturnInterviewToEpisode':
      return linkToEpisode(command, state);
    case 'AllocateReturnInterview':
      return allocate(command, state);
    case 'RecordContactAttempt':
      return recordAttempt(command, state);
    case 'CompleteReturnInterview':
      return complete(command, state);
    case 'DeclineReturnInterview':
      return decline(command, state);
    case 'RecordReturnInterviewNotPossible':
      return notPossible(command, state);
    case 'ReviewReturnInterview':
      return review(command, state);
  }
}
