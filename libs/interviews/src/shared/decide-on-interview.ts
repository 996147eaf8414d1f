import {
  returnInterviewDecider,
  streams,
  type Decider,
  type ReturnInterviewCommand,
  type ReturnInterviewEvent,
  type ReturnInterviewState,
} from '@homeward/domain';
import type { EventStore } from '@homeward/event-store';
import { runDecider } from '@homeward/platform';

/**
 * Decides one command on the interview's own stream. `causationId` names the cause (an HTTP
 * request's idempotency key, a wake-up, an event): the same cause appends nothing twice.
 * `decider` may wrap the interview's decider with a check on the state (who may act on it).
 */
export function decideOnInterview(
  store: EventStore,
  command: ReturnInterviewCommand,
  causationId: string,
  correlationId: string = command.data.interviewId,
  decider: Decider<
    ReturnInterviewCommand,
    ReturnInterviewEvent,
    ReturnInterviewState
  > = returnInterviewDecider,
): Promise<ReturnInterviewEvent[]> {
  return runDecider(store, streams.returnInterview(command.data.interviewId), decider, command, {
    causationId,
    correlationId,
  });
}
