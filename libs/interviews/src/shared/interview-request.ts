import { Inject } from '@nestjs/common';
import { Command } from '@nestjs/cqrs';
import type { ReturnInterviewCommand, ReturnInterviewEvent } from '@homeward/domain';
import { EVENT_STORE, type EventStore } from '@homeward/event-store';
import type { Caller } from '@homeward/platform';
import { decideOnInterview } from './decide-on-interview';
import { resultOf, type InterviewCommandResult } from './interview-command-result';

/** A person's request about one interview: who asks, what they sent, and its cause for dedupe. */
export abstract class InterviewRequest<
  Body,
  Result = InterviewCommandResult,
> extends Command<Result> {
  constructor(
    readonly interviewId: string,
    readonly body: Body,
    readonly caller: Caller,
    readonly causationId: string,
  ) {
    super();
  }
}

/**
 * Turns a request into the decider's command and decides it on the interview's stream. Each use
 * case only says which command its request means; time is read once, here.
 */
export abstract class InterviewRequestHandler<Request extends InterviewRequest<unknown>> {
  constructor(@Inject(EVENT_STORE) protected readonly store: EventStore) {}

  protected abstract commandFor(request: Request, now: string): ReturnInterviewCommand;

  async execute(request: Request): Promise<InterviewCommandResult> {
    const events: ReturnInterviewEvent[] = await decideOnInterview(
      this.store,
      this.commandFor(request, new Date().toISOString()),
      request.causationId,
    );
    return resultOf(request.interviewId, events);
  }
}
