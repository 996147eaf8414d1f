import {
  returnInterviewDecider,
  streams,
  type ReturnInterviewCommand,
  type ReturnInterviewEvent,
} from '@homeward/domain';
import type { EventStore } from '@homeward/event-store';
import { runDecider } from '@homeward/platform';

/**
 * Decides one command on the interview's own stream. `causationId` names the cause (an HTTP
 * request's idempotency key, a wake-up, an event): the same cause appends nothing twice.
 */
export function decideOnInterview(
  store: EventStore,
  command: ReturnInterviewCommand,
  causationId: string,
  correlationId: string = command.data.interviewId,
): Promise<ReturnInterviewEvent[]> {
  return runDecider(
    store,
    streams.returnInterview(command.data.interviewId),
    returnInterviewDecider,
    command,
    { causationId, correlationId },
  );
}
