import {
  RecordNotFound,
  returnInterviewDecider,
  type Decider,
  type ReturnInterviewCommand,
  type ReturnInterviewEvent,
  type ReturnInterviewState,
} from '@homeward/domain';
import { scopeOf, type Caller, type ChildAccess } from '@homeward/platform';

/*
 * The write side of the access policy for return interviews. An interview the caller may not
 * act on answers exactly as an interview that does not exist (404, same message), so a command
 * cannot be used to learn which interviews, or which children, exist elsewhere.
 */

/** Who a command on an interview is for: the worker it is allocated to, or a coordinator. */
export type InterviewActor = 'ALLOCATED_WORKER' | 'COORDINATOR';

export const unknownInterview = (interviewId: string): RecordNotFound =>
  new RecordNotFound(`no return interview ${interviewId} is known to Homeward`);

/**
 * The interview decider, refusing as unknown an interview not allocated to `caller` (an
 * unallocated one too). Checked on the very state the command is decided and appended on, so a
 * reallocation in between cannot slip a command through.
 */
export function allocatedWorkerDecider(
  caller: Caller,
  interviewId: string,
): Decider<ReturnInterviewCommand, ReturnInterviewEvent, ReturnInterviewState> {
  return {
    ...returnInterviewDecider,
    decide: (command, state) => {
      if (state.status === 'NOT_SCHEDULED' || state.workerId !== caller.sub) {
        throw unknownInterview(interviewId);
      }
      return returnInterviewDecider.decide(command, state);
    },
  };
}

/**
 * A coordinator may act only on an interview whose child is in their scope (ChildAccess decides,
 * from the child's own stream when the scope read model has not reached the child yet). Else the
 * interview is unknown to them.
 */
export async function requireCoordinatorReach(
  children: ChildAccess,
  state: ReturnInterviewState,
  interviewId: string,
  caller: Caller,
): Promise<void> {
  if (state.status === 'NOT_SCHEDULED' || state.childId === null) {
    throw unknownInterview(interviewId);
  }
  const scope = scopeOf(caller);
  if (scope.everyChild) return;
  if ((await children.visible(scope, [state.childId])).has(state.childId)) return;
  throw unknownInterview(interviewId);
}
